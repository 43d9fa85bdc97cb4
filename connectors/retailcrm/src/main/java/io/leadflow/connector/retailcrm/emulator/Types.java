package io.leadflow.connector.retailcrm.emulator;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** A value of the wrong JSON type is a validation error (the wording is RetailCRM-like, [U]). */
final class Types {
    private Types() { }

    static void check(JsonObject o, String key, Class<?> type, String field, Map<String, String> errors) {
        Object v = o.getValue(key);
        if (v != null && !type.isInstance(v)) {
            errors.put(field, "This value should be of type " + (type == Number.class ? "numeric" : "string") + ".");
        }
    }
}
