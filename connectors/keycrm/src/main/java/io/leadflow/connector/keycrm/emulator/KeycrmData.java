package io.leadflow.connector.keycrm.emulator;

import io.leadflow.connector.emulator.EmulatorRecords;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The fake KeyCRM account's records, in memory: buyers, orders, funnel cards and the reference
 * lists. Records are kept as the API shows them (JSON with KeyCRM's own field names), so the
 * handlers only filter and page. Thread-safe (every method synchronized): handlers run on the
 * server's event loop, tests seed from their own thread.
 */
public final class KeycrmData implements EmulatorRecords {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;
    private final Map<Long, JsonObject> buyers = new LinkedHashMap<>();
    private final Map<Long, JsonObject> orders = new LinkedHashMap<>();
    private final Map<Long, JsonObject> cards = new LinkedHashMap<>();
    private final List<JsonObject> statuses = new ArrayList<>();
    private final List<JsonObject> sources = new ArrayList<>();
    private final List<JsonObject> paymentMethods = new ArrayList<>();
    private final List<JsonObject> deliveryServices = new ArrayList<>();
    private final List<JsonObject> customFields = new ArrayList<>();
    private final List<JsonObject> users = new ArrayList<>();
    private final CatalogStore catalog = new CatalogStore();
    private final List<JsonObject> pipelines = new ArrayList<>();
    private final List<JsonObject> pipelineStatuses = new ArrayList<>();
    private boolean funnelsEnabled = true;
    private long nextId = 1;

    public KeycrmData(Clock clock) {
        this.clock = clock;
        seedReference();
    }

    /**
     * A small account like the exported real one (crm-apis.md §2): status groups 1 new …
     * 6 cancelled [P], one Shop-Express source, the payment methods named in seed 001.
     */
    private void seedReference() {
        int[][] statusGroups = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 6}, {7, 2}};
        String[] aliases = {"new", "in_progress", "packing", "delivery", "completed", "canceled", "awaiting_payment"};
        for (int i = 0; i < statusGroups.length; i++) {
            statuses.add(new JsonObject().put("id", statusGroups[i][0]).put("name", aliases[i]).put("alias", aliases[i])
                    .put("is_active", true).put("group_id", statusGroups[i][1])
                    .put("is_closing_order", statusGroups[i][1] >= 5).put("is_reserved", false).put("expiration_period", 0));
        }
        sources.add(new JsonObject().put("id", 3).put("name", "myshop.com.ua").put("alias", "shop-express")
                .put("driver", "shop-express").put("source_name", "Shop-Express").put("currency_code", "UAH"));
        String[] payments = {"Готівка", "Банківська картка", "Банківський переказ", "PayPal", "Інше"};
        for (int i = 0; i < payments.length; i++) {
            paymentMethods.add(new JsonObject().put("id", i + 1).put("name", payments[i]).put("alias", "pm" + (i + 1)).put("is_active", true));
        }
        deliveryServices.add(new JsonObject().put("id", 1).put("name", "Нова Пошта").put("alias", "novaposhta").put("is_active", true));
        customFields.add(field(1037, "OR_1037", "Подарункова упаковка", "order", "switcher"));
        customFields.add(field(1040, "OR_1040", "Leadflow marker", "order", "text"));
        customFields.add(field(12, "LD_12", "Lead note", "lead", "text"));
        customFields.add(field(5, "CT_5", "Loyalty card", "client", "text"));
        users.add(new JsonObject().put("id", 101).put("full_name", "Olena Manager").put("email", "olena@example.com").put("status", "active"));
        users.add(new JsonObject().put("id", 102).put("full_name", "Ivan Manager").put("email", "ivan@example.com").put("status", "active"));
        pipelines.add(new JsonObject().put("id", 1).put("name", "Sales").put("target_type", "lead").put("use_payments", true));
        String[] funnel = {"new", "in_work", "won", "lost"};
        for (int i = 0; i < funnel.length; i++) {
            pipelineStatuses.add(new JsonObject().put("id", 11 + i).put("pipeline_id", 1).put("title", funnel[i])
                    .put("alias", funnel[i]).put("is_final", i >= 2).put("leads_count", 0));
        }
    }

    private static JsonObject field(int id, String uuid, String name, String model, String type) {
        return new JsonObject().put("id", id).put("uuid", uuid).put("name", name).put("model", model)
                .put("type", type).put("required", false).put("position", id).put("is_multiple", false)
                .put("options", new JsonArray());
    }

    public synchronized String now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(TIME);
    }

    public synchronized long nextId() {
        return nextId++;
    }

    // ---- records --------------------------------------------------------------------------

    public synchronized JsonObject putBuyer(JsonObject buyer) {
        return put(buyers, buyer);
    }

    public synchronized JsonObject putOrder(JsonObject order) {
        return put(orders, order);
    }

    public synchronized JsonObject putCard(JsonObject card) {
        return put(cards, card);
    }

    private JsonObject put(Map<Long, JsonObject> table, JsonObject record) {
        if (!record.containsKey("id")) record.put("id", nextId++);
        else nextId = Math.max(nextId, record.getLong("id") + 1);
        String now = now();
        if (!record.containsKey("created_at")) record.put("created_at", now);
        record.put("updated_at", record.getString("updated_at", now));
        table.put(record.getLong("id"), record);
        return record;
    }

    public synchronized Optional<JsonObject> buyer(long id) {
        return Optional.ofNullable(buyers.get(id)).map(JsonObject::copy);
    }

    public synchronized Optional<JsonObject> order(long id) {
        return Optional.ofNullable(orders.get(id)).map(JsonObject::copy);
    }

    public synchronized Optional<JsonObject> card(long id) {
        return Optional.ofNullable(cards.get(id)).map(JsonObject::copy);
    }

    public synchronized List<JsonObject> buyers(Predicate<JsonObject> filter) {
        return buyers.values().stream().filter(filter).map(JsonObject::copy).toList();
    }

    public synchronized List<JsonObject> orders(Predicate<JsonObject> filter) {
        return orders.values().stream().filter(filter).map(JsonObject::copy).toList();
    }

    public synchronized List<JsonObject> cards(Predicate<JsonObject> filter) {
        return cards.values().stream().filter(filter).map(JsonObject::copy).toList();
    }

    // ---- reference ------------------------------------------------------------------------

    public synchronized List<JsonObject> statuses() {
        return List.copyOf(statuses);
    }

    public synchronized Optional<JsonObject> status(long id) {
        return statuses.stream().filter(s -> s.getLong("id") == id).findFirst();
    }

    public synchronized List<JsonObject> sources() {
        return List.copyOf(sources);
    }

    public synchronized List<JsonObject> paymentMethods() {
        return List.copyOf(paymentMethods);
    }

    public synchronized List<JsonObject> deliveryServices() {
        return List.copyOf(deliveryServices);
    }

    public synchronized List<JsonObject> customFields() {
        return List.copyOf(customFields);
    }

    public synchronized List<JsonObject> users() {
        return List.copyOf(users);
    }

    public synchronized List<JsonObject> pipelines() {
        return List.copyOf(pipelines);
    }

    public synchronized List<JsonObject> pipelineStatuses(long pipelineId) {
        return pipelineStatuses.stream().filter(s -> s.getLong("pipeline_id") == pipelineId).toList();
    }

    public synchronized boolean funnelsEnabled() {
        return funnelsEnabled;
    }

    /** Test hook: KeyCRM answers 400 on funnel routes when funnels are switched off. */
    public synchronized void funnelsEnabled(boolean enabled) {
        funnelsEnabled = enabled;
    }

    /** Test hook: adds a custom field definition ({@code model} order, lead, client). */
    public synchronized void addCustomField(int id, String uuid, String name, String model, String type) {
        customFields.add(field(id, uuid, name, model, type));
    }

    /** Everything, for {@code GET /__emulator/state}. */
    @Override
    public synchronized JsonObject snapshot() {
        return new JsonObject()
                .put("buyers", new JsonArray(new ArrayList<>(buyers.values())))
                .put("orders", new JsonArray(new ArrayList<>(orders.values())))
                .put("cards", new JsonArray(new ArrayList<>(cards.values())))
                .put("products", new JsonArray(catalog.products())).put("offers", new JsonArray(catalog.offers()))
                .put("categories", new JsonArray(catalog.categories()))
                .put("funnelsEnabled", funnelsEnabled);
    }

    /** The catalog (products, offers, categories) the product sync reads. */
    public CatalogStore catalog() {
        return catalog;
    }

    @Override
    public synchronized void restore(JsonObject snapshot) {
        nextId = EmulatorRecords.restoreById(snapshot, nextId, Map.of("buyers", buyers, "orders", orders, "cards", cards));
        funnelsEnabled = snapshot.getBoolean("funnelsEnabled", funnelsEnabled);
        catalog.restore(snapshot);
    }

    @Override
    public synchronized void clear() {
        buyers.clear();
        orders.clear();
        cards.clear();
        catalog.clear();
    }
}
