package io.leadflow.connector.retailcrm.emulator;

import io.vertx.core.json.JsonObject;

/** What the API does with a customer / order entity before storing it. */
final class Entities {
    private Entities() { }

    /**
     * A copy without the custom fields the account does not define for that entity: a third
     * party reports that the API accepts unknown codes without an error and drops them [P].
     */
    static JsonObject clean(JsonObject entity, RetailcrmData data, String kind) {
        JsonObject copy = entity.copy();
        JsonObject cf = copy.getJsonObject("customFields");
        if (cf != null) cf.fieldNames().removeIf(code -> !data.customFieldDefined(kind, code));
        return copy;
    }

    /** An edit changes only the fields it carries; {@code customFields} are merged code by code. */
    /** Whether a record is the one {@code …/{identifier}/edit} names, read as {@code by=id} or {@code by=externalId}. */
    static boolean identifiedBy(JsonObject record, String identifier, String by) {
        return by.equals("id") ? String.valueOf(record.getValue("id")).equals(identifier)
                : identifier.equals(OrderRoutes.text(record, "externalId"));
    }

    static void merge(JsonObject target, JsonObject change) {
        for (String key : change.fieldNames()) {
            if (key.equals("id")) continue;
            if (key.equals("customFields") && change.getValue(key) instanceof JsonObject cf) {
                target.put(key, target.getJsonObject(key, new JsonObject()).mergeIn(cf));
            } else {
                target.put(key, change.getValue(key));
            }
        }
    }
}
