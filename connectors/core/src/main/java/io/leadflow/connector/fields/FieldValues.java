package io.leadflow.connector.fields;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.FieldSpec;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.Json;
import java.util.Locale;

/**
 * Rule-file values (Jackson nodes) → values for a Vert.x JSON request body, typed by the
 * connector's schema: a text {@code "8011"} for an integer field becomes {@code 8011},
 * {@code "yes"} for a boolean becomes {@code true}. A field the schema does not know, or a value
 * that cannot be read as its type, is a {@link PermanentException} naming the field (status 0:
 * refused before any call), so a bad mapping fails clearly instead of reaching the CRM.
 */
public final class FieldValues {
    private FieldValues() { }

    public static Object coerce(EntitySchema schema, String name, JsonNode v) {
        FieldSpec spec = schema.field(name).orElseThrow(() ->
                new PermanentException(schema.apiName() + " has no field '" + name + "'", name, 0));
        String text = v.asText().trim();
        try {
            return switch (spec.type()) {
                case INTEGER -> v.isNumber() ? (Object) v.longValue() : (Object) Long.parseLong(text);
                case NUMBER -> v.isNumber() ? (Object) v.doubleValue() : (Object) Double.parseDouble(text);
                case BOOLEAN -> v.isBoolean() ? v.booleanValue() : truthy(text, name);
                case OBJECT, LIST, ANY -> v.isValueNode() ? plain(v) : Json.decodeValue(v.toString());
                default -> v.isTextual() ? v.textValue() : text;
            };
        } catch (NumberFormatException e) {
            throw new PermanentException("'" + text + "' is not " + article(spec.type().name().toLowerCase(Locale.ROOT)), name, 0);
        }
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

    private static boolean truthy(String text, String name) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no", "" -> false;
            default -> throw new PermanentException("'" + text + "' is not a boolean", name, 0);
        };
    }

    private static String article(String type) {
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }
}
