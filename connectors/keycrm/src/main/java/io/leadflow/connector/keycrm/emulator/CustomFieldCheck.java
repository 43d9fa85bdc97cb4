package io.leadflow.connector.keycrm.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * {@code custom_fields:[{uuid, value}]} on buyers, orders and cards [C]. The emulator refuses a
 * uuid the account does not define for that model with a 422 naming {@code custom_fields.N.uuid};
 * what the real API does with an unknown uuid is [U].
 */
final class CustomFieldCheck {
    private CustomFieldCheck() { }

    static void check(KeycrmData data, Object value, String model, Map<String, String> errors) {
        if (value == null) return;
        if (!(value instanceof JsonArray list)) {
            errors.put("custom_fields", "The custom fields must be an array.");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.getValue(i);
            String uuid = item instanceof JsonObject o ? o.getString("uuid") : null;
            if (uuid == null || definition(data, uuid, model).isEmpty()) {
                errors.put("custom_fields." + i + ".uuid", "The selected custom_fields." + i + ".uuid is invalid.");
            }
        }
    }

    /** Stores the values as KeyCRM shows them with {@code include=custom_fields}: {@code {id, uuid, name, type, value}}. */
    static void merge(KeycrmData data, JsonObject record, JsonArray values) {
        JsonArray stored = record.getJsonArray("custom_fields", new JsonArray());
        if (values != null) {
            for (Object o : values) {
                JsonObject v = (JsonObject) o;
                String uuid = v.getString("uuid");
                JsonObject def = definition(data, uuid, null).orElseThrow();
                for (int i = stored.size() - 1; i >= 0; i--) {
                    if (uuid.equals(stored.getJsonObject(i).getString("uuid"))) stored.remove(i);
                }
                stored.add(new JsonObject().put("id", def.getInteger("id")).put("uuid", uuid)
                        .put("name", def.getString("name")).put("type", def.getString("type")).put("value", v.getValue("value")));
            }
        }
        record.put("custom_fields", stored);
    }

    private static Optional<JsonObject> definition(KeycrmData data, String uuid, String model) {
        return data.customFields().stream()
                .filter(f -> f.getString("uuid").equals(uuid) && (model == null || f.getString("model").equals(model)))
                .findFirst();
    }
}
