package io.leadflow.connector.retailcrm;

import io.leadflow.connector.contract.StoredRecords;
import io.leadflow.connector.fields.ApiPaths;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.EntitySchema;
import io.vertx.core.json.JsonObject;

/** Reads a stored customer, order or task from the emulator's state by rule-file field name (tests only). */
final class RetailcrmRecordsView {
    private RetailcrmRecordsView() { }

    static String table(EntityKind kind) {
        return switch (kind) {
            case CONTACT -> "customers";
            case DEAL -> "orders";
            case TASK -> "tasks";
            default -> "none";
        };
    }

    static JsonObject record(JsonObject records, EntityKind kind, String id) {
        return StoredRecords.byId(records.getJsonArray(table(kind)), id);
    }

    static String stored(JsonObject records, EntityKind kind, String id, String ruleField) {
        JsonObject r = record(records, kind, id);
        if (r == null) return null;
        String cfPrefix = kind == EntityKind.CONTACT ? "contact_cf_" : "deal_cf_";
        Object v;
        if (ruleField.startsWith(cfPrefix)) {
            v = r.getJsonObject("customFields", new JsonObject()).getValue(ruleField.substring(cfPrefix.length()));
        } else {
            EntitySchema schema = kind == EntityKind.CONTACT ? RetailcrmSchema.CUSTOMER
                    : kind == EntityKind.TASK ? RetailcrmSchema.TASK : RetailcrmSchema.ORDER;
            String path = ruleField.equals("name") && kind == EntityKind.CONTACT ? "firstName"
                    : schema.field(ruleField).map(f -> f.apiPath()).orElse(ruleField);
            v = ApiPaths.get(r, path);
        }
        return v == null ? null : String.valueOf(v);
    }
}
