package io.leadflow.connector.baselinker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.fields.FieldValues;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.Map;

/**
 * Rule-file deal fields → {@code addOrder} parameters. Named fields keep their names (the schema
 * uses the API's), typed by {@link BaselinkerSchema}; {@code deal_cf_<id>} goes to
 * {@code custom_extra_fields}; {@code products} lines are typed by the product schema and default
 * to {@code storage: "db", storage_id: 0} (the value for new-style inventories is [U]).
 *
 * <p>The idempotency token goes into {@code extra_field_2}; when the flow maps that field itself,
 * the token is appended to {@code admin_comments} instead (cutting the comment to keep 200 chars).
 */
final class BaselinkerOrderEncoder {
    static final String KEY_FIELD = "extra_field_2";
    static final String FALLBACK_KEY_FIELD = "admin_comments";
    private static final int ADMIN_COMMENTS_MAX = 200;

    private BaselinkerOrderEncoder() { }

    static JsonObject encode(ObjectNode fields, String token, long nowEpochSeconds) {
        JsonObject params = new JsonObject();
        JsonObject extra = new JsonObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode value = e.getValue();
            if (value == null || value.isNull()) continue;
            if (name.equals("products")) {
                params.put("products", products(value));
            } else if (BaselinkerSchema.ORDER.customFieldId(name).isPresent()) {
                String id = BaselinkerSchema.ORDER.customFieldId(name).get();
                if (!BaselinkerSchema.ORDER.customFields().accepts(id)) {
                    throw new PermanentException("Baselinker extra field ids are numbers", name, 0);
                }
                extra.put(id, FieldValues.plain(value));
            } else {
                params.put(name, FieldValues.coerce(BaselinkerSchema.ORDER, name, value));
            }
        }
        if (!extra.isEmpty()) params.put("custom_extra_fields", extra);
        if (params.getValue("date_add") == null) params.put("date_add", nowEpochSeconds);
        if (params.getValue(KEY_FIELD) == null) {
            params.put(KEY_FIELD, token);
        } else {
            String comment = params.getString(FALLBACK_KEY_FIELD, "");
            int room = ADMIN_COMMENTS_MAX - token.length() - 1;
            if (comment.length() > room) comment = comment.substring(0, room);
            params.put(FALLBACK_KEY_FIELD, comment.isEmpty() ? token : comment + " " + token);
        }
        return params;
    }

    private static JsonArray products(JsonNode list) {
        if (!list.isArray()) throw new PermanentException("products must be a list", "products", 0);
        JsonArray out = new JsonArray();
        for (JsonNode item : list) {
            if (!item.isObject()) throw new PermanentException("each product must be an object", "products", 0);
            JsonObject p = new JsonObject().put("storage", "db").put("storage_id", 0);
            item.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) p.put(e.getKey(), FieldValues.coerce(BaselinkerSchema.PRODUCT, e.getKey(), e.getValue()));
            });
            out.add(p);
        }
        return out;
    }
}
