package io.leadflow.connector.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.FieldSpec;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.effect.FieldRefusals;
import io.vertx.core.json.Json;

/**
 * Rule-file values (Jackson nodes) → values for a Vert.x JSON request body, typed by the
 * connector's schema: a text {@code "8011"} for an integer field becomes {@code 8011},
 * {@code "yes"} for a boolean becomes {@code true}. A field the schema does not know, or a value
 * that cannot be read as its type ({@link FieldRefusals#unreadable}, the same test the runtime's
 * preflight applies before a lead's first effect), is a {@link PermanentException} naming the
 * field (status 0: refused before any call), so a bad mapping fails clearly instead of reaching the CRM.
 */
public final class FieldValues {
    private FieldValues() { }

    public static Object coerce(EntitySchema schema, String name, JsonNode v) {
        FieldSpec spec = schema.field(name).orElseThrow(() ->
                new PermanentException(schema.apiName() + " has no field '" + name + "'", name, 0));
        FieldRefusals.unreadable(spec.type(), v).ifPresent(why -> {
            throw new PermanentException("field '" + name + "' " + why, name, 0);
        });
        String text = v.asText().trim();
        return switch (spec.type()) {
            case INTEGER -> v.isNumber() ? (Object) v.longValue() : (Object) Long.parseLong(text);
            case NUMBER -> v.isNumber() ? (Object) v.doubleValue() : (Object) Double.parseDouble(text.replace(',', '.'));
            case BOOLEAN -> v.isBoolean() ? v.booleanValue() : v.isNumber() ? v.asInt() != 0 : FieldRefusals.truthy(text);
            case OBJECT, LIST, ANY -> v.isValueNode() ? plain(v) : Json.decodeValue(v.toString());
            default -> v.isTextual() ? v.textValue() : text;
        };
    }

    /**
     * The same coercion in the one JSON model (Jackson, issue 15 point 6): the value as the node the
     * request body holds, so an object or list keeps its tree instead of being re-parsed.
     */
    public static JsonNode node(EntitySchema schema, String name, JsonNode v) {
        FieldSpec spec = schema.field(name).orElseThrow(() ->
                new PermanentException(schema.apiName() + " has no field '" + name + "'", name, 0));
        FieldRefusals.unreadable(spec.type(), v).ifPresent(why -> {
            throw new PermanentException("field '" + name + "' " + why, name, 0);
        });
        String text = v.asText().trim();
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (spec.type()) {
            case INTEGER -> f.numberNode(v.isNumber() ? v.longValue() : Long.parseLong(text));
            case NUMBER -> f.numberNode(v.isNumber() ? v.doubleValue() : Double.parseDouble(text.replace(',', '.')));
            case BOOLEAN -> f.booleanNode(v.isBoolean() ? v.booleanValue() : v.isNumber() ? v.asInt() != 0 : FieldRefusals.truthy(text));
            case OBJECT, LIST, ANY -> v.isValueNode() ? scalar(v) : v;
            default -> f.textNode(v.isTextual() ? v.textValue() : text);
        };
    }

    /** A scalar node in the form {@link #plain} gives it (integers as long, other numbers as double). */
    public static JsonNode scalar(JsonNode v) {
        if (v == null || v.isNull()) return JsonNodeFactory.instance.nullNode();
        if (v.isIntegralNumber()) return JsonNodeFactory.instance.numberNode(v.longValue());
        if (v.isNumber()) return JsonNodeFactory.instance.numberNode(v.doubleValue());
        return v;
    }

    /** A scalar node as a plain Java value (text, long, double, boolean), null for JSON null. */
    public static Object plain(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isIntegralNumber()) return v.longValue();
        if (v.isNumber()) return v.doubleValue();
        if (v.isTextual()) return v.textValue();
        return Json.decodeValue(v.toString());
    }
}
