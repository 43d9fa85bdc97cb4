package io.leadflow.dsl.builtin;

import static io.leadflow.dsl.builtin.Specs.*;
import static io.leadflow.dsl.eval.Values.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.RuleException;
import io.leadflow.dsl.eval.Type;
import java.util.List;

/**
 * Regular expressions with RE2/J: linear time whatever the input, so a rule cannot hang on a
 * lead (no ReDoS). RE2 has no backreferences or lookaround; a constant pattern using them is a
 * compile-time error, a computed one a runtime error naming the rule. A pattern whose counted
 * repetitions would expand past {@link RegexSize#LIMIT} instructions is refused the same way
 * before RE2/J sees it, so a pattern taken from a lead is never compiled unbounded: bounded
 * patterns compile in microseconds, wherever the rule runs.
 */
final class RegexBuiltins {
    private RegexBuiltins() { }

    static List<BuiltinSpec> specs() {
        return List.of(
                bound("matches", "True when the pattern (RE2 syntax) matches somewhere in the text; anchor with ^…$ for the whole.",
                        Type.BOOLEAN, List.of(p("text", Type.STRING), p("pattern", Type.STRING)),
                        List.of(ex("matches('order-123', '[0-9]+$')", "true"), ex("matches(null, 'a')", "false")),
                        site -> {
                            Pattern fixed = constant(site);
                            return (a, env) -> {
                                if (isNull(a[0])) return bool(false);
                                Pattern p = fixed != null ? fixed : compile(a[1], site.span());
                                return bool(p != null && p.matcher(asText(a[0])).find());
                            };
                        }),
                bound("replace", "Replaces every match of the pattern (RE2 syntax); $1 in the replacement is a group.",
                        Type.STRING, List.of(p("text", Type.STRING), p("pattern", Type.STRING), p("replacement", Type.STRING)),
                        List.of(ex("replace('+38 067', '[^0-9]', '')", "\"38067\""),
                                ex("replace('2025-03-01', '(\\\\d+)-(\\\\d+)-(\\\\d+)', '$3.$2.$1')", "\"01.03.2025\"")),
                        site -> {
                            Pattern fixed = constant(site);
                            return (a, env) -> {
                                if (isNull(a[0])) return null;
                                Pattern p = fixed != null ? fixed : compile(a[1], site.span());
                                if (p == null) return a[0];
                                try {
                                    return text(p.matcher(asText(a[0])).replaceAll(asText(a[2])));
                                } catch (RuntimeException e) {
                                    throw new RuleException(DiagnosticCode.LF902, "bad replacement '" + asText(a[2]) + "': " + e.getMessage(), site.span());
                                }
                            };
                        }));
    }

    /** Why a pattern may not be compiled at all (its expansion would be too large), or null. */
    private static String tooLarge(String pattern) {
        long size = RegexSize.estimate(pattern);
        return size <= RegexSize.LIMIT ? null : "regular expression too large: its repetitions expand to about " + size
                + " instructions, more than " + RegexSize.LIMIT + " (nested counts like (x{100}){100} multiply)";
    }

    /** The pattern compiled once when it is a constant; reported at compile time when invalid. */
    private static Pattern constant(Binding site) {
        JsonNode c = site.constant(1);
        if (c == null) return null;
        String tooLarge = tooLarge(asText(c));
        if (tooLarge != null) {
            site.error(1, DiagnosticCode.LF305, tooLarge);
            return null;
        }
        try {
            return Pattern.compile(asText(c));
        } catch (PatternSyntaxException e) {
            site.error(1, DiagnosticCode.LF305, "invalid regular expression: " + e.getDescription()
                    + " (RE2 syntax: no backreferences or lookaround)");
            return null;
        }
    }

    private static Pattern compile(JsonNode pattern, SourceSpan at) {
        if (isNull(pattern)) return null;
        String tooLarge = tooLarge(asText(pattern));
        if (tooLarge != null) throw new RuleException(DiagnosticCode.LF305, tooLarge, at);
        try {
            return Pattern.compile(asText(pattern));
        } catch (PatternSyntaxException e) {
            throw new RuleException(DiagnosticCode.LF305, "invalid regular expression: " + e.getDescription(), at);
        }
    }
}
