package io.leadflow.connector.keycrm;

import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonObject;

/** The effect's manager (a KeyCRM user id) goes into {@code manager_id} unless the mapping set one. */
final class Managers {
    private Managers() { }

    static void assign(JsonObject body, String field, String manager) {
        if (manager == null || body.getValue(field) != null) return;
        try {
            body.put(field, Long.parseLong(manager.trim()));
        } catch (NumberFormatException e) {
            throw new PermanentException("manager '" + manager + "' is not a KeyCRM user id", field, 0);
        }
    }
}
