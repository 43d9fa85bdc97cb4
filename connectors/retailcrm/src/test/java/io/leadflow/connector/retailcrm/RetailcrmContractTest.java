package io.leadflow.connector.retailcrm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.contract.ConnectorContract;
import io.leadflow.spi.EntityKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** RetailCRM against its emulator: every shared scenario applies (tasks included). */
class RetailcrmContractTest extends ConnectorContract {

    @Override
    protected ConnectorFactory factory() {
        return new RetailcrmFactory();
    }

    @Override
    protected ObjectNode contactFields(String name, String phoneE164, String email) {
        return object().put("firstName", name).put("phone", phoneE164).put("email", email);
    }

    @Override
    protected ObjectNode dealFields(String text) {
        return object().put("firstName", "Olena").put("phone", PHONE).put("managerComment", text);
    }

    @Override
    protected String dealTextField() {
        return "managerComment";
    }

    @Override
    protected ObjectNode invalidDeal() {
        return dealFields("bad status").put("status", "no-such-status");
    }

    @Override
    protected String invalidDealField() {
        return "status";
    }

    @Override
    protected String dealCustomFieldId() {
        return "ct_site_id";
    }

    @Override
    protected String taskTextField() {
        return "text";
    }

    @Override
    protected String stored(JsonObject records, EntityKind kind, String id, String ruleField) {
        return RetailcrmRecordsView.stored(records, kind, id, ruleField);
    }

    @Override
    protected int storedCount(JsonObject records, EntityKind kind) {
        return records.getJsonArray(RetailcrmRecordsView.table(kind), new JsonArray()).size();
    }

    /** Orders made in the account; each is one {@code created} entry of {@code /orders/history}. */
    @Override
    protected java.util.List<String> seedPullable(int n) {
        var data = ((io.leadflow.connector.retailcrm.emulator.RetailcrmEmulator) emulator).data();
        int before = data.orderHistory().size();
        for (int i = 0; i < n; i++) {
            data.putOrder(new JsonObject().put("site", "shop1").put("status", "new").put("firstName", "Pulled " + i));
        }
        return data.orderHistory().subList(before, before + n).stream().map(e -> String.valueOf(e.getValue("id"))).toList();
    }

    @Override
    protected String pulledId(com.fasterxml.jackson.databind.node.ObjectNode record) {
        return record.get("id").asText();
    }
}
