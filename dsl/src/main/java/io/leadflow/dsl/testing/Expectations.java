package io.leadflow.dsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.ast.Expectation;
import io.leadflow.dsl.ast.ExpectStmt;
import io.leadflow.dsl.compile.Constants;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.Skip;
import java.util.Optional;

/** Checks one {@code expect} against a decision; the failure says what was expected, in words. */
final class Expectations {
    private Expectations() { }

    /** Empty when the expectation holds, else what was expected. */
    static Optional<String> check(ExpectStmt stmt, Decision d) {
        return check(stmt, d, false);
    }

    /**
     * @param noneHoldsWhenDropped in a {@code property}, {@code expect no create deal} holds for a
     *        dropped lead too (nothing was created); in a {@code test} the lead must reach the rules
     */
    static Optional<String> check(ExpectStmt stmt, Decision d, boolean noneHoldsWhenDropped) {
        Expectation x = stmt.expectation();
        if (x instanceof Expectation.None none && none.verb() == Expectation.Verb.ANY && none.target().equals("drop")) {
            return d.dropReason().map(r -> "expected the lead not to be dropped, it was dropped (\"" + r + "\")");
        }
        if (noneHoldsWhenDropped && x instanceof Expectation.None && d.dropReason().isPresent()) return Optional.empty();
        if (x instanceof Expectation.Drop drop) {
            if (d.dropReason().isEmpty()) return Optional.of("expected the lead to be dropped" + drop.reason().map(r -> " (\"" + r + "\")").orElse(""));
            if (drop.reason().isPresent() && !drop.reason().get().equals(d.dropReason().get())) {
                return Optional.of("expected drop \"" + drop.reason().get() + "\", it was dropped with \"" + d.dropReason().get() + "\"");
            }
            return Optional.empty();
        }
        if (d.dropReason().isPresent()) return Optional.of(describe(x) + ", but the lead was dropped (\"" + d.dropReason().get() + "\")");
        if (x instanceof Expectation.Skip skip) {
            for (Effect e : d.effects()) {
                if (e instanceof Skip s && skip.reason().map(r -> r.equals(s.reason())).orElse(true)) return Optional.empty();
            }
            return Optional.of("expected skip" + skip.reason().map(r -> " \"" + r + "\"").orElse(""));
        }
        if (x instanceof Expectation.None none) {
            for (Effect e : d.effects()) {
                if (EffectMatcher.sameKind(e, none.verb(), none.target())) return Optional.of("expected no " + words(none.verb(), none.target()) + ", got " + e.describe());
            }
            return Optional.empty();
        }
        boolean exact = x instanceof Expectation.Exact;
        Expectation.Verb verb = exact ? ((Expectation.Exact) x).verb() : ((Expectation.Effect) x).verb();
        String target = exact ? ((Expectation.Exact) x).target() : ((Expectation.Effect) x).target();
        var fieldsExpr = exact ? ((Expectation.Exact) x).fields() : ((Expectation.Effect) x).fields();
        JsonNode fields = fieldsExpr.map(Constants::of).orElse(null);
        if (fieldsExpr.isPresent() && (fields == null || !fields.isObject())) return Optional.of("expected fields must be a constant object");
        for (Effect e : d.effects()) {
            if (EffectMatcher.sameKind(e, verb, target) && EffectMatcher.matches(e, fields, exact)) return Optional.empty();
        }
        return Optional.of("expected " + (exact ? "exactly " : "") + words(verb, target) + (fields == null ? "" : " " + fields));
    }

    /** The expectation in words, as the failure messages say it. */
    static String describe(Expectation x) {
        if (x instanceof Expectation.Skip s) return "expected skip" + s.reason().map(r -> " \"" + r + "\"").orElse("");
        if (x instanceof Expectation.None n) return "expected no " + words(n.verb(), n.target());
        if (x instanceof Expectation.Exact e) return "expected exactly " + words(e.verb(), e.target()) + e.fields().map(f -> " " + Constants.of(f)).orElse("");
        if (x instanceof Expectation.Effect e) return "expected " + words(e.verb(), e.target()) + e.fields().map(f -> " " + Constants.of(f)).orElse("");
        return "expected drop";
    }

    private static String words(Expectation.Verb verb, String target) {
        String t = target.equals("task") && verb == Expectation.Verb.ANY ? "create task" : target;
        return verb == Expectation.Verb.ANY ? t : verb.name().toLowerCase(java.util.Locale.ROOT) + " " + target;
    }
}
