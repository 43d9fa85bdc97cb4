package io.leadflow.connector.retailcrm.emulator;

import static io.leadflow.connector.retailcrm.emulator.RetailcrmReplies.*;

import io.leadflow.connector.emulator.WriteReply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** {@code /orders}: list with filters, get one, {@code /orders/create} (201 [U]), {@code /orders/{id}/edit}. */
final class OrderRoutes {
    private final RetailcrmData data;
    private final WriteReply writes;
    private final BooleanSupplier pessimistic;

    OrderRoutes(RetailcrmData data, WriteReply writes, BooleanSupplier pessimistic) {
        this.pessimistic = pessimistic;
        this.data = data;
        this.writes = writes;
    }

    void mount(Router api) {
        api.get("/orders").handler(this::handleList);
        api.post("/orders/create").handler(this::handleCreate);
        api.post("/orders/:id/edit").handler(this::handleEdit);
        api.get("/orders/:id").handler(this::handleGet);
    }

    /**
     * The default sort of {@code /orders} is [U]; the emulator lists by id, oldest first
     * (pessimistic: newest first). {@code filter[sites][]} limits to those stores [C].
     */
    private void handleList(RoutingContext ctx) {
        String customerId = ctx.request().getParam("filter[customerId]");
        List<String> ids = list(ctx, "filter[ids][]");
        List<String> externalIds = list(ctx, "filter[externalIds][]");
        List<String> numbers = list(ctx, "filter[numbers][]");
        List<String> extended = list(ctx, "filter[extendedStatus][]");
        List<String> sites = list(ctx, "filter[sites][]");
        JsonObject statuses = data.statuses();
        List<JsonObject> found = new java.util.ArrayList<>(data.orders(o -> (customerId == null || customerId.equals(customerIdOf(o)))
                && (sites.isEmpty() || sites.contains(o.getString("site")))
                && (ids.isEmpty() || ids.contains(String.valueOf(o.getValue("id"))))
                && (externalIds.isEmpty() || externalIds.contains(text(o, "externalId")))
                && (numbers.isEmpty() || numbers.contains(o.getString("number")))
                // Group codes in extendedStatus come from docs not re-read [P]; the emulator accepts both.
                && (extended.isEmpty() || extended.contains(o.getString("status"))
                    || extended.contains(statuses.getJsonObject(o.getString("status"), new JsonObject()).getString("group")))));
        if (pessimistic.getAsBoolean()) java.util.Collections.reverse(found);
        JsonObject page = page(ctx, "orders", found);
        if (page != null) send(ctx, 200, page);
    }

    static String text(JsonObject o, String field) {
        Object v = o.getValue(field);
        return v == null ? null : String.valueOf(v);
    }

    private static String customerIdOf(JsonObject order) {
        JsonObject c = order.getJsonObject("customer");
        return c == null || c.getValue("id") == null ? null : String.valueOf(c.getValue("id"));
    }

    private void handleGet(RoutingContext ctx) {
        Optional<JsonObject> order = find(ctx.pathParam("id"), by(ctx));
        if (order.isEmpty()) error(ctx, 404, "Not found");
        else send(ctx, 200, ok().put("order", order.get()));
    }

    private void handleCreate(RoutingContext ctx) {
        JsonObject order = entity(ctx, "order");
        if (order == null) return;
        String site = Sites.require(ctx, data);
        if (site == null) return;
        Map<String, String> errors = validate(order, true);
        if (!errors.isEmpty()) {
            invalid(ctx, errors);
            return;
        }
        String externalId = text(order, "externalId");
        if (externalId != null && !data.orders(o -> externalId.equals(text(o, "externalId")) && site.equals(o.getString("site"))).isEmpty()) {
            error(ctx, 400, "Order already exists.");
            return;
        }
        JsonObject stored = Entities.clean(order, data, "order").put("site", site);
        stored.remove("id");
        stored.remove("createdAt");
        if (stored.getString("status") == null) stored.put("status", "new");
        stored.put("statusUpdatedAt", data.now());
        stored.put("customer", new JsonObject().put("id", customerFor(stored, site)));
        stored.put("totalSumm", total(stored));
        JsonObject saved = data.putOrder(stored);
        writes.reply(ctx, 201, ok().put("id", saved.getLong("id")).put("order", saved));
    }

    /** An order without {@code customer.id} gets a new customer from its own contact data [U: what the real API does]. */
    private long customerFor(JsonObject order, String site) {
        JsonObject link = order.getJsonObject("customer");
        if (link != null && link.getValue("id") != null) return link.getLong("id");
        JsonObject customer = new JsonObject().put("site", site).put("firstName", order.getString("firstName"))
                .put("lastName", order.getString("lastName")).put("email", order.getString("email"))
                .put("phones", order.getString("phone") == null ? new JsonArray()
                        : new JsonArray().add(new JsonObject().put("number", order.getString("phone"))));
        return data.putCustomer(customer).getLong("id");
    }

    private static double total(JsonObject order) {
        double sum = 0;
        for (Object o : order.getJsonArray("items", new JsonArray())) {
            JsonObject item = (JsonObject) o;
            sum += item.getDouble("initialPrice", 0.0) * item.getDouble("quantity", 1.0);
        }
        return sum - order.getDouble("discountManualAmount", 0.0);
    }

    private void handleEdit(RoutingContext ctx) {
        JsonObject change = entity(ctx, "order");
        if (change == null) return;
        String site = Sites.require(ctx, data);
        if (site == null) return;
        Optional<JsonObject> existing = find(ctx.pathParam("id"), by(ctx));
        if (existing.isEmpty()) {
            error(ctx, 404, "Not found");
            return;
        }
        Map<String, String> errors = validate(change, false);
        if (!errors.isEmpty()) {
            invalid(ctx, errors);
            return;
        }
        JsonObject order = existing.get();
        if (change.getString("status") != null && !change.getString("status").equals(order.getString("status"))) {
            order.put("statusUpdatedAt", data.now());
        }
        JsonObject cleaned = Entities.clean(change, data, "order");
        if (cleaned.getValue("items") instanceof JsonArray items) cleaned.put("items", editedItems(order, items));
        Entities.merge(order, cleaned);
        data.putOrder(order);
        writes.reply(ctx, 200, ok().put("id", order.getLong("id")).put("order", order));
    }

    /**
     * The order's items after an edit that lists {@code items}: an entry with the {@code id} of an
     * item the order has changes that item (the fields it gives replace the item's, the rest stay);
     * an entry without one is a new item; an item not listed is removed [U: how the real API edits
     * items is not in crm-apis.md; this is the emulator's guess, the same one the Mindbox connector's
     * write-back relies on by listing every item].
     */
    private static JsonArray editedItems(JsonObject order, JsonArray change) {
        JsonArray out = new JsonArray();
        for (Object o : change) {
            JsonObject item = (JsonObject) o;
            JsonObject had = null;
            for (Object e : order.getJsonArray("items", new JsonArray())) {
                if (e instanceof JsonObject old && old.getValue("id") != null && item.getValue("id") != null
                        && String.valueOf(old.getValue("id")).equals(String.valueOf(item.getValue("id")))) had = old;
            }
            out.add(had == null ? item : had.copy().mergeIn(item));
        }
        return out;
    }

    private Optional<JsonObject> find(String identifier, String by) {
        return data.orders(r -> Entities.identifiedBy(r, identifier, by)).stream().findFirst();
    }

    /** Reference codes must exist; messages follow the SDK fixture's wording [C for orderType, same shape assumed for the rest]. */
    private Map<String, String> validate(JsonObject order, boolean create) {
        Map<String, String> errors = new LinkedHashMap<>();
        String status = text(order, "status");
        if (status != null && !data.statuses().containsKey(status)) {
            errors.put("status", "\"Status\" with \"code\"=\"" + status + "\" does not exist.");
        }
        checkCode(order, "orderType", data.orderTypes(), errors);
        checkCode(order, "orderMethod", data.orderMethods(), errors);
        Object manager = order.getValue("managerId");
        if (manager != null && !data.userExists(manager)) errors.put("managerId", "User with id " + manager + " does not exist.");
        JsonObject customer = order.getValue("customer") instanceof JsonObject c ? c : null;
        if (create && customer != null && customer.getValue("id") != null
                && !(customer.getValue("id") instanceof Number n && data.customer(n.longValue()).isPresent())) {
            errors.put("customer", "Customer with id " + customer.getValue("id") + " does not exist.");
        }
        Object items = order.getValue("items");
        if (items != null && !(items instanceof JsonArray a && a.stream().allMatch(i -> i instanceof JsonObject))) {
            errors.put("items", "This value should be of type array.");
        } else if (items instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                for (String f : List.of("initialPrice", "quantity")) Types.check(a.getJsonObject(i), f, Number.class, "items[" + i + "]." + f, errors);
            }
        }
        Types.check(order, "discountManualAmount", Number.class, "discountManualAmount", errors);
        for (String f : List.of("firstName", "lastName", "phone", "email")) Types.check(order, f, String.class, f, errors);
        return errors;
    }

    private static void checkCode(JsonObject order, String field, List<String> known, Map<String, String> errors) {
        String code = text(order, field);
        if (code != null && !known.contains(code)) {
            String type = Character.toUpperCase(field.charAt(0)) + field.substring(1);
            errors.put(field, "\"" + type + "\" with \"code\"=\"" + code + "\" does not exist.");
        }
    }
}
