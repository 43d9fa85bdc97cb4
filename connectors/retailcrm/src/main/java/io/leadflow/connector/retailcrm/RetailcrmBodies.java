package io.leadflow.connector.retailcrm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.FieldSpec;
import io.leadflow.spi.FieldType;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Rule-file fields (names of {@link RetailcrmSchema}) to RetailCRM entities: each field goes to its
 * schema {@code apiPath}, {@code <kind>_cf_<code>} to {@code customFields.<code>}, deal
 * {@code products} to {@code items}. Nulls are left out; numbers and booleans that arrive as text
 * are sent typed; a name the schema lacks is refused.
 */
final class RetailcrmBodies {
    static final String DEAL_CF = "deal_cf_";
    static final String CONTACT_CF = "contact_cf_";

    private RetailcrmBodies() { }

    static JsonObject fields(ObjectNode node) {
        JsonObject all = new JsonObject(node.toString());
        all.fieldNames().removeIf(k -> all.getValue(k) == null);
        return all;
    }

    static JsonObject customer(JsonObject fields) {
        return entity(fields, RetailcrmSchema.CUSTOMER, CONTACT_CF);
    }

    static JsonObject order(JsonObject fields) {
        return entity(fields, RetailcrmSchema.ORDER, DEAL_CF);
    }

    static JsonObject task(JsonObject fields) {
        return entity(fields, RetailcrmSchema.TASK, null);
    }

    private static JsonObject entity(JsonObject fields, EntitySchema schema, String cfPrefix) {
        JsonObject body = new JsonObject();
        JsonObject custom = new JsonObject();
        for (Map.Entry<String, Object> e : fields) {
            String name = e.getKey();
            if (cfPrefix != null && name.startsWith(cfPrefix)) {
                custom.put(name.substring(cfPrefix.length()), e.getValue());
            } else if (name.equals("products") && schema == RetailcrmSchema.ORDER) {
                body.put("items", items(e.getValue()));
            } else {
                FieldSpec spec = spec(schema, name);
                ApiPaths.put(body, spec.apiPath(), typed(spec, e.getValue()));
            }
        }
        if (!custom.isEmpty()) body.put("customFields", custom);
        return body;
    }

    private static JsonArray items(Object value) {
        if (!(value instanceof JsonArray list)) throw new PermanentException("products must be a list of lines", "products", 0);
        JsonArray out = new JsonArray();
        for (Object line : list) {
            if (!(line instanceof JsonObject l)) throw new PermanentException("each product line must be an object", "products", 0);
            JsonObject item = new JsonObject();
            l.forEach(e -> {
                if (e.getValue() == null) return;
                FieldSpec spec = spec(RetailcrmSchema.ITEM, e.getKey());
                ApiPaths.put(item, spec.apiPath(), typed(spec, e.getValue()));
            });
            out.add(item);
        }
        return out;
    }

    private static FieldSpec spec(EntitySchema schema, String name) {
        return schema.field(name).orElseThrow(() -> new PermanentException(
                "RetailCRM " + schema.apiName() + " has no field '" + name + "'", name, 0));
    }

    /** Text sent to a numeric or boolean field is converted; anything unreadable is refused with the field's name. */
    static Object typed(FieldSpec spec, Object value) {
        if (!(value instanceof String text) || !(spec.type() == FieldType.INTEGER || spec.type() == FieldType.NUMBER
                || spec.type() == FieldType.BOOLEAN)) {
            return value;
        }
        String t = text.trim();
        if (spec.type() == FieldType.BOOLEAN) {
            if (t.equalsIgnoreCase("true") || t.equals("1")) return true;
            if (t.equalsIgnoreCase("false") || t.equals("0") || t.isEmpty()) return false;
        } else {
            try {
                return spec.type() == FieldType.INTEGER ? (Object) Long.valueOf(t) : new BigDecimal(t);
            } catch (NumberFormatException ignored) {
                // falls through to the refusal
            }
        }
        throw new PermanentException("'" + text + "' is not a valid " + spec.type().name().toLowerCase() + " for " + spec.name(),
                spec.name(), 0);
    }
}
