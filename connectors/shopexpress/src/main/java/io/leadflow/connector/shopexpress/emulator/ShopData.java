package io.leadflow.connector.shopexpress.emulator;

import io.leadflow.connector.emulator.EmulatorRecords;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated shop's records: orders by number (each with its status history), the order
 * statuses, products and categories. Thread-safe (every method synchronized).
 */
public final class ShopData implements EmulatorRecords {
    /** The statuses of the emulated shop [U: Shop-Express's own list is not public]. */
    public static final List<String> STATUSES = List.of("new", "processing", "packed", "shipped", "delivered", "completed", "cancelled", "returned");

    private final Map<String, JsonObject> orders = new LinkedHashMap<>();
    private final Map<Long, JsonObject> products = new LinkedHashMap<>();
    private final Map<Long, JsonObject> categories = new LinkedHashMap<>();
    private long nextId = 1;

    /** Adds (or replaces) an order; {@code status} must be one of {@link #STATUSES}. */
    public synchronized JsonObject putOrder(String number, String status) {
        JsonObject o = new JsonObject().put("id", nextId++).put("number", number).put("status", status)
                .put("status_history", new JsonArray().add(status));
        orders.put(number, o);
        return o.copy();
    }

    public synchronized Optional<JsonObject> order(String number) {
        return Optional.ofNullable(orders.get(number)).map(JsonObject::copy);
    }

    /** Sets an order's status (recording it in the history only when it changes); empty when there is no such order. */
    synchronized Optional<JsonObject> setStatus(String number, String status, String comment) {
        JsonObject o = orders.get(number);
        if (o == null) return Optional.empty();
        if (!status.equals(o.getString("status"))) o.getJsonArray("status_history").add(status);
        o.put("status", status);
        if (comment != null) o.put("comment", comment);
        return Optional.of(o.copy());
    }

    public synchronized List<JsonObject> products() {
        return products.values().stream().map(JsonObject::copy).toList();
    }

    public synchronized Optional<JsonObject> product(long id) {
        return Optional.ofNullable(products.get(id)).map(JsonObject::copy);
    }

    synchronized Optional<JsonObject> productByExternalId(String externalId) {
        return products.values().stream().filter(p -> externalId.equals(p.getString("external_id"))).findFirst().map(JsonObject::copy);
    }

    /** Stores a new product with the next id. */
    public synchronized JsonObject addProduct(JsonObject product) {
        JsonObject p = product.copy().put("id", nextId++);
        products.put(p.getLong("id"), p);
        return p.copy();
    }

    synchronized Optional<JsonObject> changeProduct(long id, JsonObject change) {
        JsonObject p = products.get(id);
        if (p == null) return Optional.empty();
        change.forEach(e -> {
            if (!e.getKey().equals("id")) p.put(e.getKey(), e.getValue());
        });
        return Optional.of(p.copy());
    }

    public synchronized List<JsonObject> categories() {
        return categories.values().stream().map(JsonObject::copy).toList();
    }

    synchronized boolean hasCategory(Object id) {
        try {
            return categories.containsKey(Long.parseLong(String.valueOf(id)));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    synchronized Optional<JsonObject> categoryByExternalId(String externalId) {
        return categories.values().stream().filter(c -> externalId.equals(c.getString("external_id"))).findFirst().map(JsonObject::copy);
    }

    /** Whether {@code candidate} is the category {@code id} or one below it. */
    synchronized boolean isWithin(Object candidate, long id) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (JsonObject c = categories.get(Long.parseLong(String.valueOf(candidate))); c != null && seen.add(c.getLong("id"));
             c = c.getValue("parent_id") == null ? null : categories.get(Long.parseLong(String.valueOf(c.getValue("parent_id"))))) {
            if (c.getLong("id") == id) return true;
        }
        return false;
    }

    /** Changes the given fields of an existing category; answers it. */
    synchronized JsonObject changeCategory(long id, JsonObject change) {
        JsonObject c = categories.get(id);
        change.forEach(e -> c.put(e.getKey(), e.getValue()));
        return c.copy();
    }

    /** Stores a new category ({@code name, parent_id, external_id}) with the next id. */
    public synchronized JsonObject addCategory(JsonObject category) {
        JsonObject c = category.copy().put("id", nextId++);
        categories.put(c.getLong("id"), c);
        return c.copy();
    }

    @Override
    public synchronized JsonObject snapshot() {
        return new JsonObject().put("orders", new JsonArray(new ArrayList<>(orders.values())))
                .put("products", new JsonArray(new ArrayList<>(products.values())))
                .put("categories", new JsonArray(new ArrayList<>(categories.values())));
    }

    @Override
    public synchronized void restore(JsonObject snapshot) {
        java.util.List<JsonObject> o = EmulatorRecords.records(snapshot, "orders");
        java.util.List<JsonObject> p = EmulatorRecords.records(snapshot, "products");
        java.util.List<JsonObject> c = EmulatorRecords.records(snapshot, "categories");
        clear();
        o.forEach(r -> orders.put(r.getString("number"), r));
        p.forEach(r -> products.put(r.getLong("id"), r));
        c.forEach(r -> categories.put(r.getLong("id"), r));
        nextId = EmulatorRecords.nextId(1, "id", o, p, c);
    }

    @Override
    public synchronized void clear() {
        orders.clear();
        products.clear();
        categories.clear();
        nextId = 1;
    }
}
