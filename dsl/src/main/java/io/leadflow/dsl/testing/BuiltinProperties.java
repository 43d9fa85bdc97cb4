package io.leadflow.dsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.ast.AssignStmt;
import io.leadflow.dsl.ast.EntityBlockStmt;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.TemplateExpr;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.FieldSpec;
import io.leadflow.spi.FieldType;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.UpdateContact;
import io.leadflow.spi.effect.UpdateDeal;
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
    private final Map<EntityKind, List<String>> mapped = new java.util.EnumMap<>(EntityKind.class);

    BuiltinProperties(FlowDecl decl, PayloadSchema payload, ConnectorDescriptor target) {
        this.target = target;
        for (EntityBlockStmt b : decl.all(EntityBlockStmt.class)) {
            Optional<EntityKind> kind = EntityKind.fromBlockName(b.entity());
            if (kind.isEmpty()) continue;
            for (AssignStmt a : b.fields()) {
                mapped.computeIfAbsent(kind.get(), k -> new ArrayList<>()).add(a.field());
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
            Optional<Failure> f = nullText(e).or(() -> emptyHole(lead, e)).or(() -> required(e)).or(() -> fits(e));
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

    private Optional<Failure> required(Effect e) {
        if (!(e instanceof CreateContact || e instanceof CreateDeal || e instanceof CreateTask)) return Optional.empty();
        Optional<EntitySchema> schema = schema(e);
        if (schema.isEmpty()) return Optional.empty();
        for (String name : mapped.getOrDefault(kind(e), List.of())) {
            Optional<FieldSpec> spec = schema.get().field(name);
            if (spec.isPresent() && spec.get().required() && !e.fields().hasNonNull(name)) {
                return Optional.of(new Failure("no required field is left out", e.describe() + "." + name, e.describe() + ": required field '"
                        + name + "' evaluated to null, so the CRM would refuse the create"));
            }
        }
        return Optional.empty();
    }

    private Optional<Failure> fits(Effect e) {
        Optional<EntitySchema> schema = schema(e);
        if (schema.isEmpty()) return Optional.empty();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields().fields(); it.hasNext(); ) {
            var f = it.next();
            Optional<FieldSpec> spec = schema.get().field(f.getKey());
            if (spec.isEmpty() || f.getValue().isNull()) continue;
            Optional<String> why = refusal(spec.get(), f.getValue());
            if (why.isPresent()) {
                return Optional.of(new Failure("every value fits its field", e.describe() + "." + f.getKey(),
                        e.describe() + ": field '" + f.getKey() + "' " + why.get()));
            }
        }
        return Optional.empty();
    }

    /** Why the field would refuse the value, judged by what the connector's schema states. */
    static Optional<String> refusal(FieldSpec spec, JsonNode v) {
        FieldType t = spec.type();
        boolean scalarField = t != FieldType.OBJECT && t != FieldType.LIST && t != FieldType.ANY;
        if (scalarField && (v.isObject() || v.isArray())) return Optional.of("takes a single value, not " + (v.isArray() ? "a list" : "an object"));
        if ((t == FieldType.NUMBER || t == FieldType.INTEGER) && v.isTextual() && !numeric(v.asText(), t == FieldType.INTEGER)) {
            return Optional.of("takes a number, not " + quote(v.asText()));
        }
        if (spec.maxLength() > 0 && v.isValueNode() && v.asText().codePointCount(0, v.asText().length()) > spec.maxLength()) {
            return Optional.of("holds at most " + spec.maxLength() + " characters, not " + v.asText().codePointCount(0, v.asText().length()));
        }
        if (!spec.allowedValues().isEmpty() && v.isValueNode() && !spec.allowedValues().contains(v.asText())) {
            return Optional.of("takes one of " + spec.allowedValues() + ", not " + quote(v.asText()));
        }
        return Optional.empty();
    }

    private static boolean numeric(String s, boolean integer) {
        return s.strip().matches(integer ? "-?\\d+" : "-?\\d+([.,]\\d+)?");
    }

    private Optional<EntitySchema> schema(Effect e) {
        EntityKind k = kind(e);
        return target == null || k == null ? Optional.empty() : target.schema(k);
    }

    static EntityKind kind(Effect e) {
        if (e instanceof CreateContact || e instanceof UpdateContact) return EntityKind.CONTACT;
        if (e instanceof CreateDeal || e instanceof UpdateDeal) return EntityKind.DEAL;
        if (e instanceof CreateTask) return EntityKind.TASK;
        return null;
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
        String shown = s.length() > 80 ? s.substring(0, 77) + "…" : s;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }
}
