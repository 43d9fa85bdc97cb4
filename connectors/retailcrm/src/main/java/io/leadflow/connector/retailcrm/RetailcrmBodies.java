package io.leadflow.connector.retailcrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.fields.ApiPaths;
import io.leadflow.connector.fields.FieldValues;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.Map;

/**
 * Rule-file fields (names of {@link RetailcrmSchema}) to RetailCRM entities. Values are typed by
 * the schema first ({@link FieldValues}: a name the schema lacks or an unreadable number is
 * refused); nulls are left out; then each field goes to its schema {@code apiPath},
 * {@code <kind>_cf_<code>} to {@code customFields.<code>} and deal {@code products} to {@code items}.
 */
final class RetailcrmBodies {
    static final String DEAL_CF = "deal_cf_";
    static final String CONTACT_CF = "contact_cf_";

    private RetailcrmBodies() { }

    static JsonObject customer(ObjectNode fields) {
        return entity(fields, RetailcrmSchema.CUSTOMER, CONTACT_CF);
    }

    static JsonObject order(ObjectNode fields) {
        return entity(fields, RetailcrmSchema.ORDER, DEAL_CF);
    }

    static JsonObject task(ObjectNode fields) {
        return entity(fields, RetailcrmSchema.TASK, null);
    }

    private static JsonObject entity(ObjectNode fields, EntitySchema schema, String cfPrefix) {
        JsonObject body = new JsonObject();
        JsonObject custom = new JsonObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) continue;
            if (cfPrefix != null && name.startsWith(cfPrefix)) {
                custom.put(name.substring(cfPrefix.length()), FieldValues.plain(v));
            } else if (name.equals("products") && schema == RetailcrmSchema.ORDER) {
                body.put("items", items(v));
            } else {
                ApiPaths.put(body, schema.field(name).map(f -> f.apiPath()).orElse(name), FieldValues.coerce(schema, name, v));
            }
        }
        if (!custom.isEmpty()) body.put("customFields", custom);
        return body;
    }

    private static JsonArray items(JsonNode lines) {
        if (!lines.isArray()) throw new PermanentException("products must be a list of lines", "products", 0);
        JsonArray out = new JsonArray();
        for (JsonNode line : lines) {
            if (!line.isObject()) throw new PermanentException("each product line must be an object", "products", 0);
            out.add(entity((ObjectNode) line, RetailcrmSchema.ITEM, null));
        }
        return out;
    }
}
