package io.leadflow.connector.horoshop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.contract.ConnectorContract;
import io.leadflow.connector.horoshop.emulator.HoroshopEmulator;
import io.leadflow.spi.EntityKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Horoshop (a status target) against its emulator in both modes: the kit's deal is a status write
 * to a fresh shop order (status 1 → 3, the text in {@code tracking_code}); a stored deal is an
 * order whose status the API changed. Each write is the update and its read-back (plus the login
 * on the first call of a connector).
 */
class HoroshopContractTest extends ConnectorContract {
    private final AtomicInteger orders = new AtomicInteger(1200);

    @Override
    protected ConnectorFactory factory() {
        return new HoroshopFactory();
    }

    private long freshOrder() {
        long n = orders.incrementAndGet();
        ((HoroshopEmulator) emulator).data().putOrder(n, 1);
        return n;
    }

    @Override
    protected ObjectNode dealFields(String text) {
        return object().put("order_id", String.valueOf(freshOrder())).put("status", 3).put("tracking_code", text);
    }

    @Override
    protected String dealTextField() {
        return "tracking_code";
    }

    @Override
    protected ObjectNode invalidDeal() {
        return object().put("order_id", String.valueOf(freshOrder())).put("status", 99);
    }

    @Override
    protected String invalidDealField() {
        return "status";
    }

    @Override
    protected String dealCustomFieldId() {
        return "none";
    }

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
        for (Object o : records.getJsonArray("orders", new JsonArray())) {
            JsonObject order = (JsonObject) o;
            if (id.equals(String.valueOf(order.getValue("order_id")))) {
                Object v = order.getValue(ruleField.equals("status") ? "stat_status" : ruleField);
                return v == null ? null : String.valueOf(v);
            }
        }
        return null;
    }

    @Override
    protected int storedCount(JsonObject records, EntityKind kind) {
        if (kind != EntityKind.DEAL) return 0;
        int changed = 0;
        for (Object o : records.getJsonArray("orders", new JsonArray())) {
            if (((JsonObject) o).getJsonArray("status_history").size() > 1) changed++;
        }
        return changed;
    }

    /** Orders created now (shop time); then the clock moves into the next second, so a window closing "now" holds them. */
    @Override
    protected List<String> seedPullable(int n) {
        List<String> ids = new java.util.ArrayList<>();
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Kyiv")).withNano(0);
        for (int i = 0; i < n; i++) {
            long id = orders.incrementAndGet();
            ((HoroshopEmulator) emulator).data().putOrder(new JsonObject().put("order_id", id)
                    .put("stat_created", now.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))));
            ids.add(String.valueOf(id));
        }
        try {
            while (!java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Kyiv")).isAfter(now.plusSeconds(1))) Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ids;
    }

    @Override
    protected String pulledId(ObjectNode record) {
        return record.get("order_id").asText();
    }
}
