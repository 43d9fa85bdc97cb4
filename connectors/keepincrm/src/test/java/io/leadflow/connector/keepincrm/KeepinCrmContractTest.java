package io.leadflow.connector.keepincrm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.contract.ConnectorContract;
import io.leadflow.connector.contract.StoredRecords;
import io.leadflow.spi.EntityKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** KeepinCRM against its emulator: every scenario of the kit applies. */
class KeepinCrmContractTest extends ConnectorContract {

    @Override
    protected ConnectorFactory factory() {
        return new KeepinCrmFactory();
    }

    @Override
    protected ObjectNode contactFields(String name, String phoneE164, String email) {
        return object().put("name", name).put("phone", phoneE164).put("email", email);
    }

    @Override
    protected ObjectNode dealFields(String text) {
        return object().put("title", text).put("stage_id", 1).put("total", 900);
    }

    @Override
    protected String dealTextField() {
        return "title";
    }

    @Override
    protected ObjectNode invalidDeal() {
        return dealFields("No such stage").put("stage_id", 999);
    }

    @Override
    protected String invalidDealField() {
        return "stage_id";
    }

    @Override
    protected String dealCustomFieldId() {
        return "1043";
    }

    @Override
    protected String stored(JsonObject records, EntityKind kind, String id, String ruleField) {
        JsonObject r = StoredRecords.byId(records.getJsonArray(collection(kind)), id);
        if (r == null) return null;
        if (ruleField.startsWith("deal_cf_")) {
            String name = "field_" + ruleField.substring("deal_cf_".length());
            for (Object o : r.getJsonArray("custom_fields", new JsonArray())) {
                JsonObject cf = (JsonObject) o;
                if (name.equals(cf.getString("name"))) return String.valueOf(cf.getValue("value"));
            }
            return null;
        }
        Object v = switch (ruleField) {
            case "name" -> r.getValue("person");
            case "phone" -> r.getJsonArray("phones", new JsonArray()).isEmpty() ? null : r.getJsonArray("phones").getValue(0);
            default -> r.getValue(ruleField);
        };
        return v == null ? null : String.valueOf(v);
    }

    @Override
    protected int storedCount(JsonObject records, EntityKind kind) {
        return records.getJsonArray(collection(kind), new JsonArray()).size();
    }

    private static String collection(EntityKind kind) {
        return switch (kind) {
            case CONTACT -> "clients";
            case DEAL -> "agreements";
            default -> "tasks";
        };
    }
}
