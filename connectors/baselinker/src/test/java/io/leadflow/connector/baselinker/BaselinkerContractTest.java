package io.leadflow.connector.baselinker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.contract.ConnectorContract;
import io.leadflow.spi.EntityKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Baselinker against its emulator: only order creation applies; lookups, contacts and tasks are skipped or refused. */
class BaselinkerContractTest extends ConnectorContract {

    @Override
    protected ConnectorFactory factory() {
        return new BaselinkerFactory();
    }

    @Override
    protected ObjectNode contactFields(String name, String phoneE164, String email) {
        return object();
    }

    @Override
    protected ObjectNode dealFields(String text) {
        return object().put("order_status_id", 8011).put("currency", "UAH").put("phone", PHONE)
                .put("email", "olena@example.com").put("user_comments", text);
    }

    @Override
    protected String dealTextField() {
        return "user_comments";
    }

    @Override
    protected ObjectNode invalidDeal() {
        return dealFields("bad currency").put("currency", "HRYVNA");
    }

    @Override
    protected String invalidDealField() {
        return "currency";
    }

    @Override
    protected String dealCustomFieldId() {
        return "4117";
    }

    @Override
    protected String stored(JsonObject records, EntityKind kind, String id, String ruleField) {
        for (Object o : records.getJsonArray("orders")) {
            JsonObject order = (JsonObject) o;
            if (!String.valueOf(order.getValue("order_id")).equals(id)) continue;
            if (ruleField.startsWith("deal_cf_")) {
                JsonObject extra = order.getJsonObject("custom_extra_fields", new JsonObject());
                Object v = extra.getValue(ruleField.substring("deal_cf_".length()));
                return v == null ? null : String.valueOf(v);
            }
            Object v = order.getValue(ruleField);
            return v == null ? null : String.valueOf(v);
        }
        return null;
    }

    @Override
    protected int storedCount(JsonObject records, EntityKind kind) {
        return kind == EntityKind.DEAL ? records.getJsonArray("orders", new JsonArray()).size() : 0;
    }
}
