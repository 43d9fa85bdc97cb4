package io.leadflow.connector.keycrm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.contract.ConnectorContract;
import io.leadflow.connector.source.WebhookDelivery;
import java.util.List;
import java.util.Map;
import io.leadflow.spi.EntityKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** KeyCRM against its emulator: the shared scenarios; tasks are refused (no task endpoint). */
class KeycrmContractTest extends ConnectorContract {

    @Override
    protected WebhookDelivery sampleDelivery() {
        return new WebhookDelivery("POST", "application/json", Map.of(), Map.of(),
                "{\"event\":\"order.change_order_status\",\"context\":{\"id\":42,\"status_id\":5,\"status_group_id\":5,"
                        + "\"source_uuid\":\"SE-10452\",\"status_changed_at\":\"2026-11-20 10:00:00\"}}");
    }

    @Override
    protected List<String> sampleDeliveryIds() {
        return List.of("42");
    }

    @Override
    protected String eventId(ObjectNode event) {
        return event.path("context").path("id").asText();
    }

    @Override
    protected ConnectorFactory factory() {
        return new KeycrmFactory();
    }

    @Override
    protected ObjectNode contactFields(String name, String phoneE164, String email) {
        return object().put("full_name", name).put("phone", phoneE164).put("email", email);
    }

    @Override
    protected ObjectNode dealFields(String text) {
        return object().put("buyer_name", "Olena").put("buyer_phone", PHONE).put("manager_comment", text);
    }

    @Override
    protected String dealTextField() {
        return "manager_comment";
    }

    @Override
    protected ObjectNode invalidDeal() {
        return dealFields("bad payment").put("payment_amount", 100).put("payment_status", "refunded");
    }

    @Override
    protected String invalidDealField() {
        return "payments.0.status";
    }

    @Override
    protected String dealCustomFieldId() {
        return "OR_1037";
    }

    @Override
    protected String stored(JsonObject records, EntityKind kind, String id, String ruleField) {
        return KeycrmRecordsView.stored(records, kind, id, ruleField);
    }

    @Override
    protected int storedCount(JsonObject records, EntityKind kind) {
        return switch (kind) {
            case CONTACT -> records.getJsonArray("buyers", new JsonArray()).size();
            case DEAL -> records.getJsonArray("orders", new JsonArray()).size() + records.getJsonArray("cards", new JsonArray()).size();
            default -> 0;
        };
    }
}
