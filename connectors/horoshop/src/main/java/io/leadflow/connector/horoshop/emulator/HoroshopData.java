package io.leadflow.connector.horoshop.emulator;

import io.leadflow.connector.emulator.EmulatorRecords;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated shop's orders by number ({@code order_id}), each with its status history, and its
 * registered users, both in creation order. Times ({@code stat_created}, {@code registered}) are
 * {@code YYYY-MM-DD HH:mm:ss} in the shop's local time (which zone is [U]; this emulator uses
 * Europe/Kyiv). Kept across restarts in serve's data folder ({@link #restore}). Thread-safe.
 */
public final class HoroshopData implements EmulatorRecords {
    static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Kyiv");
    private final Map<String, JsonObject> orders = new LinkedHashMap<>();
    private final Map<String, JsonObject> users = new LinkedHashMap<>();

    /** Adds (or replaces) an order with this number and status id, created now. */
    public synchronized JsonObject putOrder(long number, int status) {
        return putOrder(new JsonObject().put("order_id", number).put("stat_status", status));
    }

    /**
     * Adds (or replaces) an order as {@code orders/get} lists it: {@code order_id} required;
     * {@code stat_status} defaults to 1, {@code payed} to 0, {@code stat_created} to now.
     */
    public synchronized JsonObject putOrder(JsonObject order) {
        JsonObject o = order.copy();
        if (o.getValue("order_id") == null) throw new IllegalArgumentException("an order needs order_id");
        if (o.getValue("stat_status") == null) o.put("stat_status", 1);
        if (o.getValue("payed") == null) o.put("payed", 0);
        if (o.getValue("stat_created") == null) o.put("stat_created", now());
        o.put("status_history", new JsonArray().add(o.getValue("stat_status")));
        orders.put(String.valueOf(o.getValue("order_id")), o);
        return o.copy();
    }

    /** Adds (or replaces) a registered user as {@code users/export} lists it: {@code id} required, {@code registered} defaults to now. */
    public synchronized JsonObject putUser(JsonObject user) {
        JsonObject u = user.copy();
        if (u.getValue("id") == null) throw new IllegalArgumentException("a user needs id");
        if (u.getValue("registered") == null) u.put("registered", now());
        users.put(String.valueOf(u.getValue("id")), u);
        return u.copy();
    }

    synchronized List<JsonObject> orders() {
        return orders.values().stream().map(JsonObject::copy).toList();
    }

    synchronized List<JsonObject> users() {
        return users.values().stream().map(JsonObject::copy).toList();
    }

    private static String now() {
        return LocalDateTime.now(SHOP_ZONE).withNano(0).format(TimeWindow.TIME);
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
        return new JsonObject().put("orders", new JsonArray(new ArrayList<>(orders.values())))
                .put("users", new JsonArray(new ArrayList<>(users.values())));
    }

    /** The records of a {@link #snapshot()} back (serve's data folder: the shop's orders and users survive a restart). */
    @Override
    public synchronized void restore(JsonObject snapshot) {
        List<JsonObject> o = EmulatorRecords.records(snapshot, "orders");
        List<JsonObject> u = EmulatorRecords.records(snapshot, "users");
        for (JsonObject r : o) if (r.getValue("order_id") == null) throw new IllegalArgumentException("an order without order_id: " + r);
        for (JsonObject r : u) if (r.getValue("id") == null) throw new IllegalArgumentException("a user without id: " + r);
        clear();
        o.forEach(r -> orders.put(String.valueOf(r.getValue("order_id")), r));
        u.forEach(r -> users.put(String.valueOf(r.getValue("id")), r));
    }

    @Override
    public synchronized void clear() {
        orders.clear();
        users.clear();
    }
}
