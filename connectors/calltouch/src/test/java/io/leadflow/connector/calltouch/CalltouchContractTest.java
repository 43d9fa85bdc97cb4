package io.leadflow.connector.calltouch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.contract.ConnectorContract;
import io.leadflow.spi.EntityKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calltouch (the deal target of the reverse feed) against its emulator in both modes. The kit's
 * deals carry no phone or email, so each is made "lead not found" after one deals-journal read:
 * two calls a deal. The invalid deal (revenue not a number) is refused before any call.
 */
class CalltouchContractTest extends ConnectorContract {
    private final AtomicInteger orders = new AtomicInteger();

    @Override
    protected ConnectorFactory factory() {
        return new CalltouchFactory();
    }

    @Override
    protected ObjectNode dealFields(String text) {
        return object().put("order_id", String.valueOf(7000 + orders.incrementAndGet())).put("name", text)
                .put("funnel", "shop1").put("status", "new").put("revenue", 1500);
    }

    @Override
    protected String dealTextField() {
        return "name";
    }

    @Override
    protected ObjectNode invalidDeal() {
        return dealFields("bad").put("revenue", "a lot");
    }

    @Override
    protected String invalidDealField() {
        return "revenue";
    }

    @Override
    protected String dealCustomFieldId() {
        return "none";
    }

    /** The deal write is an upsert keyed by order number, not by the idempotency key. */
    @Override
    protected boolean writesAreStates() {
        return true;
    }

    @Override
    protected int callsPerCreatedDeal() {
        return 2;
    }

    @Override
    protected String stored(JsonObject records, EntityKind kind, String id, String ruleField) {
        String api = switch (ruleField) {
            case "name" -> "orderName";
            case "order_id" -> "orderNumber";
            default -> ruleField;
        };
        for (Object o : records.getJsonArray("deals", new JsonArray())) {
            JsonObject d = (JsonObject) o;
            if (id.equals(d.getString("orderNumber"))) return d.getValue(api) == null ? null : String.valueOf(d.getValue(api));
        }
        return null;
    }

    /** Calls made now (Moscow time, the journal's default zone): today's journal holds them; the day is re-read until it ends. */
    @Override
    protected java.util.List<String> seedPullable(int n) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Moscow")).withNano(0);
        for (int i = 0; i < n; i++) {
            ids.add(String.valueOf(((io.leadflow.connector.calltouch.emulator.CalltouchEmulator) emulator).data()
                    .addCall("7915000" + String.format("%04d", orders.incrementAndGet()), now)));
        }
        return ids;
    }

    @Override
    protected String pulledId(ObjectNode record) {
        return record.get("callId").asText();
    }

    @Override
    protected int storedCount(JsonObject records, EntityKind kind) {
        return kind == EntityKind.DEAL ? records.getJsonArray("deals", new JsonArray()).size() : 0;
    }
}
