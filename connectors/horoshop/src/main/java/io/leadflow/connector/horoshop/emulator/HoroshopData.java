package io.leadflow.connector.horoshop.emulator;

import io.leadflow.connector.emulator.EmulatorRecords;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The emulated shop's orders by number ({@code order_id}), each with its status history. Thread-safe. */
public final class HoroshopData implements EmulatorRecords {
    private final Map<String, JsonObject> orders = new LinkedHashMap<>();

    /** Adds (or replaces) an order with this number and status id. */
    public synchronized JsonObject putOrder(long number, int status) {
        JsonObject o = new JsonObject().put("order_id", number).put("stat_status", status).put("payed", 0)
                .put("status_history", new JsonArray().add(status));
        orders.put(String.valueOf(number), o);
        return o.copy();
    }

    public synchronized Optional<JsonObject> order(String number) {
        return Optional.ofNullable(orders.get(number)).map(JsonObject::copy);
    }

    synchronized void change(String number, Integer status, String trackingCode, Integer payed) {
        JsonObject o = orders.get(number);
        if (status != null && status != o.getInteger("stat_status")) {
            o.put("stat_status", status);
            o.getJsonArray("status_history").add(status);
        }
        if (trackingCode != null) o.put("tracking_code", trackingCode);
        if (payed != null) o.put("payed", payed);
    }

    @Override
    public synchronized JsonObject snapshot() {
        return new JsonObject().put("orders", new JsonArray(new ArrayList<>(orders.values())));
    }

    @Override
    public synchronized void clear() {
        orders.clear();
    }
}
