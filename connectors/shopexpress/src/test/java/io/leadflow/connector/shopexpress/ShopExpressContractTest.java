package io.leadflow.connector.shopexpress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.contract.ConnectorContract;
import io.leadflow.connector.emulator.EmulatorMode;
import io.leadflow.connector.shopexpress.emulator.ShopExpressEmulator;
import io.leadflow.spi.EntityKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shop-Express (a status target) against its emulator, in both modes: the kit's "deal" is a status
 * write to a shop order, so each {@link #dealFields} first puts a fresh order ({@code new}) in
 * the emulated shop, and a stored deal is an order whose status the API changed. In pessimistic
 * mode the write's answer does not show the status, so the adapter reads the order back (two calls).
 */
class ShopExpressContractTest extends ConnectorContract {
    private final AtomicInteger orders = new AtomicInteger();

    @Override
    protected ConnectorFactory factory() {
        return new ShopExpressFactory();
    }

    private String freshOrder() {
        String number = "SE-" + (10_000 + orders.incrementAndGet());
        ((ShopExpressEmulator) emulator).data().putOrder(number, "new");
        return number;
    }

    @Override
    protected ObjectNode dealFields(String text) {
        return object().put("order_id", freshOrder()).put("status", "shipped").put("comment", text);
    }

    @Override
    protected String dealTextField() {
        return "comment";
    }

    @Override
    protected ObjectNode invalidDeal() {
        return object().put("order_id", freshOrder()).put("status", "teleported");
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
        return mode() == EmulatorMode.PESSIMISTIC ? 2 : 1;
    }

    @Override
    protected String stored(JsonObject records, EntityKind kind, String id, String ruleField) {
        for (Object o : records.getJsonArray("orders", new JsonArray())) {
            JsonObject order = (JsonObject) o;
            if (id.equals(order.getString("number"))) return order.getValue(ruleField) == null ? null : String.valueOf(order.getValue(ruleField));
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
}
