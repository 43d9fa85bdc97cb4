package io.leadflow.connector.baselinker.emulator;

import io.leadflow.connector.emulator.EmulatorRecords;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The emulated account's orders (addOrder, setOrderFields, getOrders), in one place. */
public final class BaselinkerOrders implements EmulatorRecords {
    private final List<JsonObject> orders = new ArrayList<>();
    private int nextOrderId = 12001;

    /** Stores a new, unconfirmed order made by addOrder and answers its id. */
    synchronized int add(JsonObject order) {
        int id = nextOrderId++;
        order.put("order_id", id);
        if (order.getValue("date_add") == null) order.put("date_add", Instant.now().getEpochSecond());
        order.put("confirmed", false).put("date_confirmed", 0).put("order_source", "personal").put("order_source_id", 0);
        orders.add(order);
        return id;
    }

    /** Changes an order's fields; false when there is no such order. */
    synchronized boolean change(long id, JsonObject change) {
        JsonObject order = byId(id);
        if (order == null) return false;
        order.mergeIn(change);
        return true;
    }

    synchronized boolean exists(long id) {
        return byId(id) != null;
    }

    private JsonObject byId(long id) {
        return orders.stream().filter(o -> o.getLong("order_id") == id).findFirst().orElse(null);
    }

    /** getOrders: at most 100, oldest first; unconfirmed ones only when asked. */
    synchronized JsonArray find(JsonObject p) {
        boolean unconfirmed = Boolean.TRUE.equals(p.getValue("get_unconfirmed_orders"));
        boolean extra = Boolean.TRUE.equals(p.getValue("include_custom_extra_fields"));
        String email = p.getString("filter_email");
        JsonArray out = new JsonArray();
        for (JsonObject o : orders) {
            if (out.size() == 100) break;
            if (!unconfirmed && !o.getBoolean("confirmed")) continue;
            if (p.getValue("order_id") != null && !o.getLong("order_id").equals(p.getLong("order_id"))) continue;
            if (p.getValue("id_from") != null && o.getLong("order_id") < p.getLong("id_from")) continue;
            if (p.getValue("date_from") != null && o.getLong("date_add") < p.getLong("date_from")) continue;
            if (p.getValue("status_id") != null && !p.getValue("status_id").equals(o.getValue("order_status_id"))) continue;
            if (email != null && (o.getString("email") == null || !o.getString("email").contains(email))) continue;
            JsonObject copy = o.copy();
            if (!extra) copy.remove("custom_extra_fields");
            out.add(copy);
        }
        return out;
    }

    @Override
    public synchronized JsonObject snapshot() {
        return new JsonObject().put("orders", new JsonArray(new ArrayList<>(orders)));
    }

    @Override
    public synchronized void restore(JsonObject snapshot) {
        java.util.List<JsonObject> o = EmulatorRecords.records(snapshot, "orders");
        orders.clear();
        orders.addAll(o);
        nextOrderId = (int) EmulatorRecords.nextId(12001, "order_id", o);
    }

    @Override
    public synchronized void clear() {
        orders.clear();
    }
}
