package io.leadflow.connector.keycrm;

import io.leadflow.connector.contract.StoredRecords;
import io.leadflow.connector.fields.ApiPaths;
import io.leadflow.spi.EntityKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads a stored buyer, order or card from the emulator's state by rule-file field name (tests only). */
final class KeycrmRecordsView {
    private KeycrmRecordsView() { }

    static JsonObject record(JsonObject records, EntityKind kind, String id) {
        String table = kind == EntityKind.CONTACT ? "buyers" : "orders";
        for (String t : kind == EntityKind.DEAL ? new String[] {table, "cards"} : new String[] {table}) {
            JsonObject r = StoredRecords.byId(records.getJsonArray(t), id);
            if (r != null) return r;
        }
        return null;
    }

    static String stored(JsonObject records, EntityKind kind, String id, String ruleField) {
        JsonObject r = record(records, kind, id);
        if (r == null) return null;
        String cfPrefix = kind == EntityKind.CONTACT ? "contact_cf_" : "deal_cf_";
        if (ruleField.startsWith(cfPrefix)) {
            String uuid = ruleField.substring(cfPrefix.length());
            for (Object o : r.getJsonArray("custom_fields", new JsonArray())) {
                JsonObject f = (JsonObject) o;
                if (uuid.equals(f.getString("uuid"))) return f.getValue("value") == null ? null : String.valueOf(f.getValue("value"));
            }
            return null;
        }
        String path = switch (ruleField) {
            case "name" -> kind == EntityKind.CONTACT ? "full_name" : ruleField;
            default -> (kind == EntityKind.CONTACT ? KeycrmSchema.BUYER : KeycrmSchema.ORDER).field(ruleField)
                    .map(f -> f.apiPath()).orElse(ruleField);
        };
        Object v = ApiPaths.get(r, path);
        return v == null ? null : String.valueOf(v);
    }
}
