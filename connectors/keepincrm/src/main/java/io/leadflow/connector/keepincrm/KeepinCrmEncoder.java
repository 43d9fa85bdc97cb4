package io.leadflow.connector.keepincrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.fields.FieldValues;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.Map;

/**
 * Rule-file fields → KeepinCRM request bodies. Contacts: {@code name} → {@code person},
 * {@code phone} → {@code phones: [phone]}. Deals: {@code deal_cf_<id>} →
 * {@code custom_fields: [{"name": "field_<id>", "value": …}]} [C], {@code products} →
 * {@code jobs_attributes} [C]. A manager becomes {@code main_responsible_id} [P]. Agreements and
 * tasks have no external-id field [P], so the idempotency token is appended to their
 * {@code comment} on its own line, where {@code reconcile} searches for it.
 */
final class KeepinCrmEncoder {
    static final String MARKER_VALUE = "leadflow";

    private KeepinCrmEncoder() { }

    static JsonObject client(ObjectNode fields, String manager) {
        JsonObject out = new JsonObject();
        each(fields, (name, v) -> {
            switch (name) {
                case "name" -> out.put("person", v.asText());
                case "phone" -> out.put("phones", new JsonArray().add(v.asText()));
                default -> out.put(name, FieldValues.coerce(KeepinCrmSchema.CLIENT, name, v));
            }
        });
        putManager(out, manager);
        return out;
    }

    /**
     * @param markerField the flow's marker ({@code deal_cf_1050}) or null; set when {@code mark}
     * @param token       the idempotency token, or null for an update
     */
    static JsonObject agreement(ObjectNode fields, String manager, boolean mark, String markerField, String token) {
        JsonObject out = new JsonObject();
        JsonArray custom = new JsonArray();
        each(fields, (name, v) -> {
            if (name.equals("products")) {
                out.put("jobs_attributes", jobs(v));
            } else if (KeepinCrmSchema.AGREEMENT.customFieldId(name).isPresent()) {
                custom.add(customField(name, FieldValues.plain(v)));
            } else {
                out.put(name, FieldValues.coerce(KeepinCrmSchema.AGREEMENT, name, v));
            }
        });
        if (mark && markerField != null) custom.add(customField(markerField, MARKER_VALUE));
        if (!custom.isEmpty()) out.put("custom_fields", custom);
        if (!out.containsKey("main_responsible_id")) putManager(out, manager);
        if (token != null) appendToken(out, token);
        return out;
    }

    static JsonObject task(ObjectNode fields, String agreementId, String clientId, String manager, String token) {
        JsonObject out = new JsonObject();
        each(fields, (name, v) -> out.put(name, FieldValues.coerce(KeepinCrmSchema.TASK, name, v)));
        if (agreementId != null) out.put("agreement_id", id(agreementId, "agreement"));
        if (clientId != null) out.put("client_id", id(clientId, "client"));
        putManager(out, manager);
        appendToken(out, token);
        return out;
    }

    private static JsonArray jobs(JsonNode list) {
        if (!list.isArray()) throw new PermanentException("products must be a list", "products", 0);
        JsonArray out = new JsonArray();
        for (JsonNode item : list) {
            if (!item.isObject()) throw new PermanentException("each product must be an object", "products", 0);
            JsonObject product = new JsonObject();
            JsonObject job = new JsonObject();
            each((ObjectNode) item, (name, v) -> {
                Object value = FieldValues.coerce(KeepinCrmSchema.PRODUCT, name, v);
                switch (name) {
                    case "quantity" -> job.put("amount", value);
                    case "title" -> {
                        job.put("title", value);
                        product.put("title", value);
                    }
                    default -> product.put(name, value);
                }
            });
            if (!product.isEmpty()) job.put("product_attributes", product);
            out.add(job);
        }
        return out;
    }

    private static JsonObject customField(String ruleName, Object value) {
        String id = KeepinCrmSchema.AGREEMENT.customFieldId(ruleName).orElse(ruleName);
        if (!KeepinCrmSchema.AGREEMENT.customFields().accepts(id)) {
            throw new PermanentException("KeepinCRM custom fields are numbered (field_<id>)", ruleName, 0);
        }
        return new JsonObject().put("name", "field_" + id).put("value", value);
    }

    private static void appendToken(JsonObject out, String token) {
        String comment = out.getString("comment");
        out.put("comment", comment == null || comment.isEmpty() ? token : comment + "\n" + token);
    }

    private static void putManager(JsonObject out, String manager) {
        if (manager != null) out.put("main_responsible_id", id(manager, "manager"));
    }

    /** A KeepinCRM record id (a number), or a permanent error naming what it was for. */
    static long id(String value, String what) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new PermanentException("a KeepinCRM " + what + " id is a number, got '" + value + "'", what, 0);
        }
    }

    private interface FieldSink {
        void accept(String name, JsonNode value);
    }

    /** Every non-null field, in order (null leaves a field alone). */
    private static void each(ObjectNode fields, FieldSink sink) {
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue() != null && !e.getValue().isNull()) sink.accept(e.getKey(), e.getValue());
        }
    }
}
