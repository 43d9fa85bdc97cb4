package io.leadflow.connector.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reading an emulator's {@code records} in tests: the record of a list whose {@code id} (any JSON type) reads as the given text. */
public final class StoredRecords {
    private StoredRecords() { }

    /** The record with this id, or null (also when the list is null). */
    public static JsonObject byId(JsonArray list, String id) {
        if (list == null) return null;
        for (Object o : list) {
            if (o instanceof JsonObject r && String.valueOf(r.getValue("id")).equals(id)) return r;
        }
        return null;
    }
}
