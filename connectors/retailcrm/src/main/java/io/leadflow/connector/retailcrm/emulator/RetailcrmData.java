package io.leadflow.connector.retailcrm.emulator;

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
 * The fake RetailCRM account, in memory: customers, orders, tasks, and the reference data of the
 * SDK fixture account (status groups new/approval/assembling/delivery/complete/cancel, two sites,
 * order custom fields for the Calltouch integration of seed 002 and the Mindbox module of seed 004). Records are kept in the API's
 * own JSON shape. Thread-safe.
 */
public final class RetailcrmData implements EmulatorRecords {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;
    private final Map<Long, JsonObject> customers = new LinkedHashMap<>();
    private final Map<Long, JsonObject> orders = new LinkedHashMap<>();
    private final Map<Long, JsonObject> tasks = new LinkedHashMap<>();
    private final JsonObject statusGroups = new JsonObject();
    private final JsonObject statuses = new JsonObject();
    private final JsonObject sites = new JsonObject();
    private final List<JsonObject> customFields = new ArrayList<>();
    private final List<JsonObject> users = new ArrayList<>();
    private final List<String> orderTypes = List.of("eshop-individual", "eshop-legal");
    private final List<String> orderMethods = List.of("shopping-cart", "phone", "callback", "landing-page");
    private long nextId = 1;
    private final List<JsonObject> orderHistory = new ArrayList<>();
    private final List<JsonObject> customerHistory = new ArrayList<>();
    private long nextHistoryId = 1;

    public RetailcrmData(Clock clock) {
        this.clock = clock;
        group("new", 10, false, "new");
        group("approval", 20, true, "availability-confirmed", "client-confirmed");
        group("assembling", 30, true, "assembling");
        group("delivery", 40, true, "send-to-delivery");
        group("complete", 50, false, "complete", "delivered-paid");
        group("cancel", 60, false, "cancel-other", "no-call");
        sites.put("shop1", new JsonObject().put("code", "shop1").put("name", "Shop 1").put("url", "https://shop1.example"));
        sites.put("shop2", new JsonObject().put("code", "shop2").put("name", "Shop 2").put("url", "https://shop2.example"));
        for (String[] f : new String[][] {{"ct_site_id", "ID сайта в Calltouch"}, {"ct_call_id", "ID звонка в Calltouch"},
                {"ct_request_id", "ID заявки в Calltouch"}, {"utm_keyword", "Ключевое слово (utm_term)"}}) {
            customFields.add(new JsonObject().put("code", f[0]).put("name", f[1]).put("entity", "order").put("type", "string")
                    .put("required", false).put("inFilter", true).put("inList", true).put("ordering", customFields.size() + 1));
        }
        // seed 004 (Mindbox): the order fields the module writes the calculation into
        for (String[] f : new String[][] {{"mindbox_discount", "Сумма применяемой по заказу скидки", "integer"},
                {"mindbox_promo", "Применяемый к заказу промокод", "string"}, {"mindbox_bonus", "Доступные бонусные баллы", "integer"},
                // and the fields a manager fills in that examples/retailcrm-mindbox reads: the code typed in, the points to spend
                {"coupon", "Промокод", "string"}, {"bonus_spend", "Списать бонусов", "integer"}}) {
            customFields.add(new JsonObject().put("code", f[0]).put("name", f[1]).put("entity", "order").put("type", f[2])
                    .put("required", false).put("inFilter", true).put("inList", true).put("ordering", customFields.size() + 1));
        }
        customFields.add(new JsonObject().put("code", "loyalty_card").put("name", "Loyalty card").put("entity", "customer")
                .put("type", "string").put("required", false).put("ordering", 10));
        users.add(user(101, "Olena", "olena@example.com"));
        users.add(user(102, "Ivan", "ivan@example.com"));
    }

    private void group(String code, int ordering, boolean process, String... codes) {
        statusGroups.put(code, new JsonObject().put("name", code).put("code", code).put("active", true)
                .put("ordering", ordering).put("process", process).put("statuses", new JsonArray(List.of(codes))));
        for (int i = 0; i < codes.length; i++) {
            statuses.put(codes[i], new JsonObject().put("name", codes[i]).put("code", codes[i]).put("active", true)
                    .put("ordering", ordering + i).put("group", code));
        }
    }

    private static JsonObject user(int id, String name, String email) {
        return new JsonObject().put("id", id).put("firstName", name).put("lastName", "Manager").put("email", email)
                .put("active", true).put("status", "free").put("online", false).put("isManager", true).put("isAdmin", false)
                .put("groups", new JsonArray());
    }

    public synchronized String now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(TIME);
    }

    public synchronized JsonObject putCustomer(JsonObject c) {
        JsonObject before = c.getValue("id") == null ? null : customers.get(c.getLong("id"));
        JsonObject stored = put(customers, c);
        record(customerHistory, "customer", before == null ? null : before.copy(), stored);
        return stored;
    }

    public synchronized JsonObject putOrder(JsonObject o) {
        JsonObject before = o.getValue("id") == null ? null : orders.get(o.getLong("id"));
        JsonObject stored = put(orders, o);
        if (!stored.containsKey("number")) stored.put("number", stored.getLong("id") + "A");
        record(orderHistory, "order", before == null ? null : before.copy(), stored);
        return stored;
    }

    /**
     * The change feed ({@code GET /orders/history}, {@code /customers/history}): a new record is
     * one entry {@code created: true} carrying the whole record; an edit is one entry per top-level
     * field that changed ({@code field}, {@code oldValue}, {@code newValue}) carrying the record's
     * ids. Entry ids grow across both feeds. How the real API splits a creation into entries, and
     * the shape of {@code oldValue}/{@code newValue} beyond {@code status: {code}}, are [U].
     */
    private void record(List<JsonObject> feed, String entity, JsonObject before, JsonObject after) {
        if (before == null) {
            feed.add(entry(entity, after.copy()).put("created", true).put("field", "id").putNull("oldValue")
                    .put("newValue", after.getValue("id")));
            return;
        }
        for (String field : new java.util.TreeSet<>(after.fieldNames())) {
            if (List.of("createdAt", "statusUpdatedAt", "updatedAt").contains(field)) continue;
            Object was = before.getValue(field);
            Object now = after.getValue(field);
            if (java.util.Objects.equals(was, now)) continue;
            boolean coded = field.equals("status");
            JsonObject ids = new JsonObject().put("id", after.getValue("id")).put("externalId", after.getValue("externalId"))
                    .put("site", after.getValue("site"));
            if (entity.equals("order")) ids.put("number", after.getValue("number")).put("status", after.getValue("status"));
            feed.add(entry(entity, ids).put("field", field)
                    .put("oldValue", coded && was != null ? new JsonObject().put("code", was) : was)
                    .put("newValue", coded && now != null ? new JsonObject().put("code", now) : now));
        }
    }

    private JsonObject entry(String entity, JsonObject record) {
        return new JsonObject().put("id", nextHistoryId++).put("createdAt", now()).put("source", "api").put(entity, record);
    }

    /** Removes an order (a test hook: the feed keeps its entries, {@code GET /orders/{id}} answers 404). */
    public synchronized void removeOrder(long id) {
        orders.remove(id);
    }

    /**
     * The customer as the API answers it (list, {@code GET /customers/{id}}): with
     * {@code ordersCount}, the number of the account's orders linked to it ({@code order.customer.id}).
     * The field is the API's [C: PHP v6 Customer model]; which orders the real API counts (cancelled
     * ones?) and when it updates the count are [U]. Not stored, so a count change is no history entry [U].
     */
    public synchronized JsonObject withOrdersCount(JsonObject customer) {
        Object id = customer.getValue("id");
        long n = orders.values().stream().filter(o -> o.getValue("customer") instanceof JsonObject c && c.getValue("id") != null
                && String.valueOf(c.getValue("id")).equals(String.valueOf(id))).count();
        return customer.copy().put("ordersCount", n);
    }

    /** Removes a customer (a test hook: the feed keeps its entries, {@code GET /customers/{id}} answers 404). */
    public synchronized void removeCustomer(long id) {
        customers.remove(id);
    }

    /** The order change feed, oldest first (by entry id). */
    public synchronized List<JsonObject> orderHistory() {
        return orderHistory.stream().map(JsonObject::copy).toList();
    }

    /** The customer change feed, oldest first (by entry id). */
    public synchronized List<JsonObject> customerHistory() {
        return customerHistory.stream().map(JsonObject::copy).toList();
    }

    public synchronized JsonObject putTask(JsonObject t) {
        return put(tasks, t);
    }

    private JsonObject put(Map<Long, JsonObject> table, JsonObject record) {
        if (!record.containsKey("id")) record.put("id", nextId++);
        else nextId = Math.max(nextId, record.getLong("id") + 1);
        if (!record.containsKey("createdAt")) record.put("createdAt", now());
        table.put(record.getLong("id"), record);
        return record;
    }

    public synchronized List<JsonObject> customers(Predicate<JsonObject> filter) {
        return customers.values().stream().filter(filter).map(JsonObject::copy).toList();
    }

    public synchronized List<JsonObject> orders(Predicate<JsonObject> filter) {
        return orders.values().stream().filter(filter).map(JsonObject::copy).toList();
    }

    public synchronized Optional<JsonObject> customer(long id) {
        return Optional.ofNullable(customers.get(id)).map(JsonObject::copy);
    }

    public synchronized JsonObject statusGroups() {
        return statusGroups.copy();
    }

    public synchronized JsonObject statuses() {
        return statuses.copy();
    }

    public synchronized JsonObject sites() {
        return sites.copy();
    }

    /** Test hook: an account with one store does not need {@code site} on writes. */
    public synchronized void onlySite(String code) {
        sites.fieldNames().removeIf(k -> !k.equals(code));
    }

    public synchronized List<JsonObject> customFields() {
        return List.copyOf(customFields);
    }

    public synchronized boolean customFieldDefined(String entity, String code) {
        return customFields.stream().anyMatch(f -> f.getString("entity").equals(entity) && f.getString("code").equals(code));
    }

    /** Test hook: defines a custom field ({@code entity} order or customer). */
    public synchronized void addCustomField(String entity, String code) {
        if (!customFieldDefined(entity, code)) {
            customFields.add(new JsonObject().put("code", code).put("name", code).put("entity", entity).put("type", "string")
                    .put("required", false).put("ordering", customFields.size() + 1));
        }
    }

    public synchronized List<JsonObject> users() {
        return List.copyOf(users);
    }

    public synchronized boolean userExists(Object id) {
        return id instanceof Number n && users.stream().anyMatch(u -> u.getLong("id") == n.longValue());
    }

    public List<String> orderTypes() {
        return orderTypes;
    }

    public List<String> orderMethods() {
        return orderMethods;
    }

    @Override
    public synchronized JsonObject snapshot() {
        return new JsonObject().put("customers", new JsonArray(new ArrayList<>(customers.values())))
                .put("orders", new JsonArray(new ArrayList<>(orders.values())))
                .put("tasks", new JsonArray(new ArrayList<>(tasks.values())));
    }

    /** The records plus both history feeds: a pull cursor (a history id) must still be valid after a restart. */
    @Override
    public synchronized JsonObject persisted() {
        return snapshot().put("orderHistory", new JsonArray(new ArrayList<>(orderHistory)))
                .put("customerHistory", new JsonArray(new ArrayList<>(customerHistory)));
    }

    @Override
    public synchronized void restore(JsonObject snapshot) {
        List<JsonObject> oh = EmulatorRecords.records(snapshot, "orderHistory");
        List<JsonObject> ch = EmulatorRecords.records(snapshot, "customerHistory");
        nextId = EmulatorRecords.restoreById(snapshot, 1, Map.of("customers", customers, "orders", orders, "tasks", tasks));
        orderHistory.clear();
        orderHistory.addAll(oh);
        customerHistory.clear();
        customerHistory.addAll(ch);
        nextHistoryId = EmulatorRecords.nextId(1, "id", oh, ch);
    }

    @Override
    public synchronized void clear() {
        customers.clear();
        orders.clear();
        tasks.clear();
        orderHistory.clear();
        customerHistory.clear();
    }
}
