package io.leadflow.connector.keycrm.emulator;

import static io.leadflow.connector.keycrm.emulator.KeycrmReplies.*;

import io.leadflow.connector.emulator.WriteReply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** {@code /order}: list with filters and sort, get, create (201), update (202). */
final class OrderRoutes {
    private static final List<String> FLAT = List.of("manager_id", "manager_comment", "buyer_comment", "promocode",
            "discount_percent", "discount_amount", "shipping_price", "wrap_price", "gift_message", "is_gift",
            "gift_wrap", "taxes", "ordered_at", "source_uuid", "source_id");
    private static final List<String> INCLUDABLE = List.of("products", "payments", "marketing", "shipping", "custom_fields");

    private final KeycrmData data;
    private final WriteReply writes;
    private final BooleanSupplier pessimistic;
    private final OrderValidation validation;
    private final StatusMoves moves;

    OrderRoutes(KeycrmData data, WriteReply writes, StatusMoves moves, BooleanSupplier pessimistic) {
        this.pessimistic = pessimistic;
        this.data = data;
        this.writes = writes;
        this.moves = moves;
        this.validation = new OrderValidation(data);
    }

    void mount(Router api) {
        api.get("/order").handler(this::handleList);
        api.get("/order/:id").handler(this::handleGet);
        api.post("/order").handler(this::handleCreate);
        api.put("/order/:id").handler(this::handleUpdate);
    }

    /**
     * {@code sort=id|-id} [C]; without it the order is [U]: the emulator lists by id, oldest first
     * (pessimistic: newest first).
     */
    private void handleList(RoutingContext ctx) {
        Set<String> statusIds = filter(ctx, "status_id");
        Set<String> sourceIds = filter(ctx, "source_id");
        Set<String> sourceUuids = filter(ctx, "source_uuid");
        Set<String> phones = filter(ctx, "buyer_phone");
        Set<String> emails = filter(ctx, "buyer_email");
        String sort = ctx.queryParams().get("sort");
        if (sort != null && !sort.equals("id") && !sort.equals("-id")) {
            invalid(ctx, Map.of("sort", "The selected sort is invalid."));
            return;
        }
        List<JsonObject> found = data.orders(o ->
                (statusIds.isEmpty() || statusIds.contains(String.valueOf(o.getValue("status_id"))))
                && (sourceIds.isEmpty() || sourceIds.contains(String.valueOf(o.getValue("source_id"))))
                && (sourceUuids.isEmpty() || sourceUuids.contains(o.getString("source_uuid")))
                && buyerMatches(o, phones, emails));
        Comparator<JsonObject> byId = Comparator.comparing(o -> o.getLong("id"));
        boolean newestFirst = "-id".equals(sort) || (sort == null && pessimistic.getAsBoolean());
        found = found.stream().sorted(newestFirst ? byId.reversed() : byId).toList();
        Set<String> include = include(ctx);
        JsonObject page = page(ctx, found.stream().map(o -> render(o, include)).toList());
        if (page != null) json(ctx, 200, page);
    }

    private boolean buyerMatches(JsonObject order, Set<String> phones, Set<String> emails) {
        if (phones.isEmpty() && emails.isEmpty()) return true;
        Optional<JsonObject> buyer = Optional.ofNullable(order.getLong("client_id")).flatMap(data::buyer);
        return buyer.isPresent() && BuyerRoutes.matchesPhone(buyer.get(), phones) && BuyerRoutes.matchesEmail(buyer.get(), emails);
    }

    private void handleGet(RoutingContext ctx) {
        Optional<JsonObject> o = BuyerRoutes.id(ctx).flatMap(data::order);
        if (o.isEmpty()) message(ctx, 404, "Not found");
        else json(ctx, 200, render(o.get(), include(ctx)));
    }

    private void handleCreate(RoutingContext ctx) {
        JsonObject body = body(ctx);
        if (body == null) return;
        Map<String, String> errors = validation.create(body);
        if (!errors.isEmpty()) {
            invalid(ctx, errors);
            return;
        }
        JsonObject order = new JsonObject();
        for (String f : FLAT) if (body.containsKey(f)) order.put(f, body.getValue(f));
        // status_id is not a create field [C, absence]; a new order starts in the first status [U].
        order.put("status_id", 1).put("status_group_id", 1).put("closed_at", (Object) null)
                .put("client_id", linkBuyer(data, body.getJsonObject("buyer")));
        order.put("products", body.getJsonArray("products", new JsonArray()));
        JsonArray payments = new JsonArray();
        for (Object p : body.getJsonArray("payments", new JsonArray())) {
            payments.add(((JsonObject) p).copy().put("id", data.nextId()));
        }
        order.put("payments", payments).put("marketing", body.getJsonObject("marketing", new JsonObject()))
                .put("shipping", body.getJsonObject("shipping", new JsonObject()));
        if (!order.containsKey("ordered_at")) order.put("ordered_at", data.now());
        order.put("grand_total", total(order));
        CustomFieldCheck.merge(data, order, body.getJsonArray("custom_fields"));
        writes.reply(ctx, 201, render(data.putOrder(order), Set.of()));
    }

    /** Whether KeyCRM links an order (or a card without {@code client_id}) to an existing buyer by phone or email is [U]; the emulator does. */
    static long linkBuyer(KeycrmData data, JsonObject buyer) {
        String phone = buyer.getString("phone");
        String email = buyer.getString("email");
        Set<String> phones = phone == null ? Set.of() : Set.of(phone);
        Set<String> emails = email == null ? Set.of() : Set.of(email);
        if (phone != null || email != null) {
            List<JsonObject> same = data.buyers(b -> (phone == null || BuyerRoutes.matchesPhone(b, phones))
                    && (email == null || BuyerRoutes.matchesEmail(b, emails)));
            if (!same.isEmpty()) return same.get(same.size() - 1).getLong("id");
        }
        JsonObject created = new JsonObject().put("full_name", buyer.getString("full_name", phone != null ? phone : email))
                .put("phone", phone == null ? new JsonArray() : new JsonArray().add(phone))
                .put("email", email == null ? new JsonArray() : new JsonArray().add(email));
        return data.putBuyer(created).getLong("id");
    }

    private static double total(JsonObject order) {
        double sum = 0;
        for (Object p : order.getJsonArray("products")) {
            JsonObject line = (JsonObject) p;
            sum += line.getDouble("price", 0.0) * line.getDouble("quantity", 1.0);
        }
        return sum + order.getDouble("shipping_price", 0.0) - order.getDouble("discount_amount", 0.0);
    }

    private void handleUpdate(RoutingContext ctx) {
        Optional<JsonObject> existing = BuyerRoutes.id(ctx).flatMap(data::order);
        if (existing.isEmpty()) {
            message(ctx, 404, "Not found");
            return;
        }
        JsonObject body = body(ctx);
        if (body == null) return;
        Map<String, String> errors = validation.update(body);
        if (!errors.isEmpty()) {
            invalid(ctx, errors);
            return;
        }
        JsonObject order = existing.get();
        for (String f : List.of("manager_id", "manager_comment", "buyer_comment", "discount_percent", "discount_amount")) {
            if (body.containsKey(f)) order.put(f, body.getValue(f));
        }
        if (body.containsKey("shipping")) order.getJsonObject("shipping").mergeIn(body.getJsonObject("shipping"));
        Object statusBefore = order.getValue("status_id");
        if (body.getValue("status_id") != null) moves.order(order, data.status(body.getLong("status_id")).orElseThrow());
        CustomFieldCheck.merge(data, order, body.getJsonArray("custom_fields"));
        order.put("updated_at", data.now());
        moves.storeOrder(order, statusBefore);
        writes.reply(ctx, 202, render(order, Set.of()));
    }

    private JsonObject render(JsonObject order, Set<String> include) {
        JsonObject out = order.copy();
        out.remove("client_id"); // kept inside; the published Order has no client_id [C, absence]: the buyer comes with include=buyer
        for (String f : INCLUDABLE) if (!include.contains(f)) out.remove(f);
        if (include.contains("buyer")) {
            data.buyer(order.getLong("client_id")).ifPresent(b -> out.put("buyer", new JsonObject().put("id", b.getLong("id"))
                    .put("full_name", b.getString("full_name")).put("email", first(b, "email")).put("phone", first(b, "phone"))));
        }
        if (include.contains("status")) data.status(order.getLong("status_id")).ifPresent(s -> out.put("status", s));
        return out;
    }

    private static String first(JsonObject buyer, String list) {
        JsonArray a = buyer.getJsonArray(list, new JsonArray());
        return a.isEmpty() ? null : a.getString(0);
    }
}
