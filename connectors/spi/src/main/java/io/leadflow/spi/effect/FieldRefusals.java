package io.leadflow.spi.effect;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.FieldSpec;
import io.leadflow.spi.FieldType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a CRM would refuse in one effect, judged only by the connector's own schema
 * ({@link EntitySchema}): a required field a create leaves out (null, absent or blank text), a
 * value its field's type, length or allowed values cannot take. One piece of code for the two
 * places that ask: {@code leadflow test}'s built-in properties (on generated leads) and the
 * runtime's preflight (on each real lead, before its first effect is sent, so no lead is half
 * applied). Custom fields ({@code deal_cf_…}) are not in the connector's schema: the account's
 * own field list judges those.
 */
public final class FieldRefusals {
    private FieldRefusals() { }

    /**
     * One refused field of one effect.
     *
     * @param missing a required field left out (else a value that does not fit)
     */
    public record Refused(String effect, String field, String why, boolean missing) {
        /** {@code create deal: field 'title' is required …}. */
        public String message() {
            return effect + ": field '" + field + "' " + why;
        }
    }

    /** The entity an effect writes, or empty for a {@link Skip}. */
    public static Optional<EntityKind> entity(Effect e) {
        if (e instanceof CreateContact || e instanceof UpdateContact) return Optional.of(EntityKind.CONTACT);
        if (e instanceof CreateDeal || e instanceof UpdateDeal) return Optional.of(EntityKind.DEAL);
        if (e instanceof CreateTask) return Optional.of(EntityKind.TASK);
        return Optional.empty();
    }

    /** Whether the effect creates its entity (required fields bind creates only). */
    public static boolean creates(Effect e) {
        return e instanceof CreateContact || e instanceof CreateDeal || e instanceof CreateTask;
    }

    /**
     * Every refusal the target's schema implies for the effect: required fields of a create
     * (and of each product of a created deal) left out, then values that do not fit, in field order.
     */
    public static List<Refused> of(ConnectorDescriptor target, Effect e) {
        return of(target, e, true);
    }

    /** Same, with the products of a deal judged only when {@code products} is set. */
    public static List<Refused> of(ConnectorDescriptor target, Effect e, boolean products) {
        List<Refused> out = new ArrayList<>();
        Optional<EntityKind> kind = entity(e);
        if (target == null || kind.isEmpty() || e.fields() == null) return out;
        Optional<EntitySchema> schema = target.schema(kind.get());
        if (schema.isEmpty()) return out;
        boolean create = creates(e);
        if (create) out.addAll(missingRequired(e.describe(), schema.get(), e.fields(), "", article(schema.get().apiName())));
        out.addAll(misfits(e.describe(), schema.get(), e.fields(), ""));
        Optional<EntitySchema> productSchema = products ? target.schema(EntityKind.PRODUCT) : Optional.empty();
        JsonNode items = e.fields().get("products");
        if (kind.get() == EntityKind.DEAL && productSchema.isPresent() && items != null && items.isArray()
                && !schema.get().fields().containsKey("products")) {
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).isObject()) continue;
                String at = "products[" + i + "].";
                if (create) out.addAll(missingRequired(e.describe(), productSchema.get(), items.get(i), at, "a product of " + article(schema.get().apiName())));
                out.addAll(misfits(e.describe(), productSchema.get(), items.get(i), at));
            }
        }
        return out;
    }

    /** The required fields of {@code schema} that {@code fields} leaves out: absent, null or blank text ({@code what}: "an order"). */
    public static List<Refused> missingRequired(String effect, EntitySchema schema, JsonNode fields, String at, String what) {
        List<Refused> out = new ArrayList<>();
        for (FieldSpec f : schema.fields().values()) {
            if (!f.required()) continue;
            JsonNode v = fields.get(f.name());
            if (v == null || v.isNull()) {
                out.add(new Refused(effect, at + f.name(), "is required to create " + what
                        + " and evaluated to nothing, so the CRM would refuse the create", true));
            } else if (v.isTextual() && v.textValue().isBlank()) {
                out.add(new Refused(effect, at + f.name(), "is required to create " + what
                        + " and is blank, so the CRM would refuse the create", true));
            }
        }
        return out;
    }

    private static List<Refused> misfits(String effect, EntitySchema schema, JsonNode fields, String at) {
        List<Refused> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            Optional<FieldSpec> spec = schema.field(f.getKey());
            if (spec.isEmpty() || f.getValue().isNull()) continue;
            refusal(spec.get(), f.getValue()).ifPresent(why -> out.add(new Refused(effect, at + f.getKey(), why, false)));
        }
        return out;
    }

    /** Why the field would refuse the value, judged by what the connector's schema states; empty when it fits. */
    public static Optional<String> refusal(FieldSpec spec, JsonNode v) {
        FieldType t = spec.type();
        boolean scalarField = t != FieldType.OBJECT && t != FieldType.LIST && t != FieldType.ANY;
        if (scalarField && (v.isObject() || v.isArray())) return Optional.of("takes a single value, not " + (v.isArray() ? "a list" : "an object"));
        Optional<String> unreadable = unreadable(t, v);
        if (unreadable.isPresent()) return unreadable;
        if (spec.maxLength() > 0 && v.isValueNode() && v.asText().codePointCount(0, v.asText().length()) > spec.maxLength()) {
            return Optional.of("holds at most " + spec.maxLength() + " characters, not " + v.asText().codePointCount(0, v.asText().length()));
        }
        if (!spec.allowedValues().isEmpty() && v.isValueNode() && !spec.allowedValues().contains(v.asText())) {
            return Optional.of("takes one of " + spec.allowedValues() + ", not " + quote(v.asText()));
        }
        return Optional.empty();
    }

    /**
     * Why a scalar value cannot be read as the field's type, or empty when it can: the one test
     * both the preflight (before a lead's first effect) and the connectors' encoders
     * ({@code FieldValues.coerce}, while a request is built) apply, so an encoder never refuses a
     * value the preflight let through (issue 9: no lead half applied). A number field takes a
     * number or a numeric text ({@code "900"}, {@code "900.50"}, {@code "900,50"}); an integer
     * field a whole number or an integer text that fits 64 bits; a boolean field a boolean,
     * {@code 0}/{@code 1} or the texts {@code true false yes no 1 0} (any case) and the empty text.
     */
    public static Optional<String> unreadable(FieldType t, JsonNode v) {
        if (v == null || v.isNull()) return Optional.empty();
        boolean scalar = t == FieldType.INTEGER || t == FieldType.NUMBER || t == FieldType.BOOLEAN;
        if (v.isContainerNode()) return scalar ? Optional.of("takes a single value, not " + (v.isArray() ? "a list" : "an object")) : Optional.empty();
        String text = v.asText().strip();
        return switch (t) {
            case INTEGER -> v.isNumber() || integer(text) ? Optional.empty() : Optional.of("takes a number, not " + quote(v.asText()));
            case NUMBER -> v.isNumber() || NUMBER_TEXT.matcher(text).matches() ? Optional.empty()
                    : Optional.of("takes a number, not " + quote(v.asText()));
            case BOOLEAN -> v.isBoolean() || BOOLEAN_TEXT.contains(text.toLowerCase(java.util.Locale.ROOT)) ? Optional.empty()
                    : Optional.of("takes a boolean (true/false, yes/no, 1/0), not " + quote(v.asText()));
            default -> Optional.empty();
        };
    }

    /** The texts a boolean field reads; {@link #truthy} says which of them are true. */
    private static final java.util.Set<String> BOOLEAN_TEXT = java.util.Set.of("1", "true", "yes", "0", "false", "no", "");

    /** A boolean field's value read from text that {@link #unreadable} accepted: {@code 1}, {@code true}, {@code yes} (any case). */
    public static boolean truthy(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            default -> false;
        };
    }

    /** Compiled once: this runs for every field of every effect, in the preflight and again in the encoder. */
    private static final java.util.regex.Pattern NUMBER_TEXT = java.util.regex.Pattern.compile("-?\\d+([.,]\\d+)?");
    private static final java.util.regex.Pattern INTEGER_TEXT = java.util.regex.Pattern.compile("-?\\d+");

    private static boolean integer(String s) {
        if (!INTEGER_TEXT.matcher(s).matches()) return false;
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A value as shown in a message: quoted, at most 80 characters, newlines escaped. */
    public static String quote(String s) {
        String shown = s.length() > 80 ? s.substring(0, 77) + "…" : s;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }

    /** {@code an order}, {@code a buyer}. */
    public static String article(String word) {
        return (!word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }
}
