package io.leadflow.dsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.ast.AssignStmt;
import io.leadflow.dsl.ast.EntityBlockStmt;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.TemplateExpr;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.FieldRefusals;
import io.leadflow.spi.source.Confidence;
import io.leadflow.spi.source.PayloadField;
import io.leadflow.spi.source.PayloadSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What must hold for every lead of every flow, without the user writing anything: the rules
 * evaluate without an error; some rule decides (or a filter drops); no text sent renders
 * {@code null}; a template hole over a field the source does not always send is never sent
 * empty; a required field the flow maps is never left out of a create; every value fits its
 * target field (length, allowed values, number fields get numbers).
 */
final class BuiltinProperties {
    /** A broken property: which one (stable, for shrinking to the same failure) and what was seen. */
    record Failure(String property, String key, String detail) { }

    /** A template hole {@code {lead.a.b}} in a mapped field, over a part of the lead that may be missing. */
    private record Hole(EntityKind kind, String field, List<String> path, String at) { }

    private static final Pattern NULL_WORD = Pattern.compile("\\bnull\\b");
    private final ConnectorDescriptor target;
    private final List<Hole> holes = new ArrayList<>();

    BuiltinProperties(FlowDecl decl, PayloadSchema payload, ConnectorDescriptor target) {
        this.target = target;
        for (EntityBlockStmt b : decl.all(EntityBlockStmt.class)) {
            Optional<EntityKind> kind = EntityKind.fromBlockName(b.entity());
            if (kind.isEmpty()) continue;
            for (AssignStmt a : b.fields()) {
                if (!(a.value() instanceof TemplateExpr t)) continue;
                for (TemplateExpr.Part p : t.parts()) {
                    if (p instanceof TemplateExpr.Hole h) {
                        ReadPaths.path(h.expr()).filter(path -> !alwaysSent(payload, path))
                                .ifPresent(path -> holes.add(new Hole(kind.get(), a.field(), path, h.expr().span().at())));
                    }
                }
            }
        }
    }

    /** True when every step of the path is a field the reference confirms the source sends. */
    static boolean alwaysSent(PayloadSchema schema, List<String> path) {
        PayloadSchema s = schema;
        for (String name : path) {
            if (s == null) return false;
            Optional<PayloadField> f = s.field(name);
            if (f.isEmpty() || f.get().confidence() != Confidence.CONFIRMED) return false;
            s = f.get().nested();
        }
        return true;
    }

    Optional<Failure> check(JsonNode lead, Decision d) {
        if (d.dropReason().isEmpty() && d.effects().isEmpty()) {
            return Optional.of(new Failure("some rule decides", "", "no rule matched and no filter dropped the lead"));
        }
        for (Effect e : d.effects()) {
            Optional<Failure> f = nullText(e).or(() -> emptyHole(lead, e)).or(() -> refused(e));
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    private static Optional<Failure> nullText(Effect e) {
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields().fields(); it.hasNext(); ) {
            var f = it.next();
            Optional<String> hit = findNull(f.getValue());
            if (hit.isPresent()) {
                return Optional.of(new Failure("no text renders null", e.describe() + "." + f.getKey(),
                        e.describe() + ": field '" + f.getKey() + "' is sent as " + quote(hit.get())));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> findNull(JsonNode v) {
        if (v.isTextual()) return NULL_WORD.matcher(v.asText()).find() ? Optional.of(v.asText()) : Optional.empty();
        for (JsonNode c : v) {
            Optional<String> hit = findNull(c);
            if (hit.isPresent()) return hit;
        }
        return Optional.empty();
    }

    private Optional<Failure> emptyHole(JsonNode lead, Effect e) {
        EntityKind kind = kind(e);
        for (Hole h : holes) {
            if (h.kind() != kind || !e.fields().has(h.field()) || !blank(at(lead, h.path()))) continue;
            return Optional.of(new Failure("no template hole is sent empty", h.at(), e.describe() + ": field '" + h.field()
                    + "' is sent as " + quote(e.fields().get(h.field()).asText()) + " with its hole {lead." + String.join(".", h.path())
                    + "} (" + h.at() + ") empty: the source does not always send that field (write {lead." + String.join(".", h.path())
                    + " ?? \"…\"} or leave it out)"));
        }
        return Optional.empty();
    }

    /**
     * A required field left out of a create, or a value its field cannot take: {@link FieldRefusals},
     * as the runtime's preflight judges it. Products are not judged here (the runtime judges them):
     * generated products often lack fields a source's payload does not confirm (not done).
     */
    private Optional<Failure> refused(Effect e) {
        return FieldRefusals.of(target, e, false).stream().findFirst().map(r -> new Failure(
                r.missing() ? "no required field is left out" : "every value fits its field", e.describe() + "." + r.field(), r.message()));
    }

    static EntityKind kind(Effect e) {
        return FieldRefusals.entity(e).orElse(null);
    }

    static JsonNode at(JsonNode lead, List<String> path) {
        JsonNode n = lead;
        for (String p : path) {
            if (n == null || !n.isObject()) return null;
            n = n.get(p);
        }
        return n;
    }

    private static boolean blank(JsonNode v) {
        return v == null || v.isNull() || v.isTextual() && v.asText().isBlank();
    }

    static String quote(String s) {
        return FieldRefusals.quote(s);
    }
}
