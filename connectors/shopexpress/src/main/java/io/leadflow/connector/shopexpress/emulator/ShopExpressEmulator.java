package io.leadflow.connector.shopexpress.emulator;

import static io.leadflow.connector.shopexpress.emulator.ShopReplies.*;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.emulator.ApiEmulator;
import io.leadflow.connector.emulator.WriteReply;
import io.leadflow.connector.shopexpress.ShopExpressSchema;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;

/**
 * The guessed Shop-Express admin API on loopback [U: no public contract exists; this is the
 * shape the adapter assumes, kept here so the adapter is tested against a server, not itself]:
 * {@code /api/v1}, {@code Authorization: Bearer}, {@code GET|PATCH /orders/{number}},
 * {@code GET /order-statuses}, catalog routes ({@link CatalogRoutes}), 401/404/422 as
 * {@code {"error": {…}}}, 429 + {@code Retry-After} past {@link #LIMIT}.
 *
 * <p>Pessimistic mode ({@code PUT /__emulator/mode}): the status write answers only
 * {@code {"id", "number"}}, without the status, so an adapter that trusts a 2xx (or an answer
 * that does not show the change) cannot pass; it must read the order back.
 *
 * <p>Seed orders with {@code POST /__emulator/seed} {@code {"orders": [{"number": "SE-10452",
 * "status": "new"}]}} (a shop order exists before KeyCRM reports on it).
 */
public final class ShopExpressEmulator extends ApiEmulator<ShopData> {
    public static final String TEST_KEY = "shopexpress-test-key";

    /**
     * The emulator's own assumption [U]: crm-apis.md §8 found no Shop-Express API, so no limit is
     * documented; 60 calls a minute per key is this emulator's choice, deliberately not read from
     * the adapter (a test can lower it with {@code rateLimit(…)} to see the adapter obey 429s).
     */
    public static final RateLimit LIMIT = new RateLimit(60, Duration.ofMinutes(1), false,
            "assumed by the emulator: no public Shop-Express API (crm-apis.md §8)");

    public ShopExpressEmulator(Vertx vertx) {
        super(vertx, ShopExpressSchema.DESCRIPTOR, LIMIT, new ShopData(), TEST_KEY, "/api/v1", Map.of());
    }

    /** The account's base URL includes the API prefix, as a real shop's would ({@code https://<shop>/api/v1}). */
    @Override
    public AccountConfig account(String accountName) {
        AccountConfig base = super.account(accountName);
        return new AccountConfig(base.connector(), base.account(), base.baseUrl() + "/api/v1",
                base.secrets(), base.settings());
    }

    @Override
    protected void mount(Router api, WriteReply writes) {
        api.get("/order-statuses").handler(ctx -> json(ctx, 200, new JsonObject().put("data",
                new JsonArray(ShopData.STATUSES.stream().map(s -> (Object) new JsonObject().put("code", s)).toList()))));
        api.get("/orders/:number").handler(this::handleOrder);
        api.patch("/orders/:number").handler(ctx -> handleStatus(ctx, writes));
        new CatalogRoutes(data, writes).mount(api);
    }

    private void handleOrder(RoutingContext ctx) {
        data.order(ctx.pathParam("number")).ifPresentOrElse(o -> json(ctx, 200, o),
                () -> error(ctx, 404, "not_found", "no order " + ctx.pathParam("number"), null));
    }

    private void handleStatus(RoutingContext ctx, WriteReply writes) {
        JsonObject body = body(ctx);
        if (body == null) return;
        if (!(body.getValue("status") instanceof String status) || !ShopData.STATUSES.contains(status)) {
            error(ctx, 422, "invalid_status", "status must be one of " + ShopData.STATUSES, "status");
            return;
        }
        data.setStatus(ctx.pathParam("number"), status, body.getString("comment")).ifPresentOrElse(
                o -> writes.reply(ctx, 200, pessimistic() ? new JsonObject().put("id", o.getValue("id")).put("number", o.getValue("number")) : o),
                () -> error(ctx, 404, "not_found", "no order " + ctx.pathParam("number"), null));
    }

    @Override
    protected void notFound(RoutingContext ctx) {
        error(ctx, 404, "not_found", "no route " + ctx.request().method() + " " + ctx.request().path(), null);
    }

    @Override
    protected void authenticate(RoutingContext ctx) {
        String h = ctx.request().getHeader("Authorization");
        if (h != null && h.startsWith("Bearer ") && authorised(h.substring(7).trim())) ctx.next();
        else error(ctx, 401, "unauthorized", "a valid API key is required", null);
    }

    @Override
    protected void overLimit(RoutingContext ctx, Duration retryAfter) {
        ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds(retryAfter)));
        error(ctx, 429, "rate_limited", "too many requests", null);
    }

    /**
     * {@code {"orders": [{"number", "status"}], "categories": [{name, parent_id}], "products": [{name, sku, …}]}}
     * → {@code {"orders": {number: id}, "categories": [id], "products": [id]}}: the shop's own
     * records, made before any sync (unlinked: no {@code external_id} unless given). Categories are
     * made first, in order (a {@code parent_id} names a shop id, one made earlier in the request too);
     * products take the fields of {@link CatalogRoutes}.
     */
    @Override
    protected JsonObject seed(JsonObject request) {
        JsonArray categories = new JsonArray();
        for (Object o : request.getJsonArray("categories", new JsonArray())) {
            JsonObject c = (JsonObject) o;
            if (!(c.getValue("name") instanceof String n) || n.isBlank()) throw new IllegalArgumentException("a category needs a name");
            if (c.getValue("parent_id") != null && !data.hasCategory(c.getValue("parent_id"))) {
                throw new IllegalArgumentException("no category " + c.getValue("parent_id") + " to be the parent");
            }
            categories.add(data.addCategory(new JsonObject().put("name", c.getString("name")).put("parent_id", c.getValue("parent_id"))
                    .put("external_id", c.getValue("external_id") == null ? null : String.valueOf(c.getValue("external_id")))).getLong("id"));
        }
        JsonArray products = new JsonArray();
        for (Object o : request.getJsonArray("products", new JsonArray())) {
            JsonObject p = (JsonObject) o;
            if (!(p.getValue("name") instanceof String n) || n.isBlank()) throw new IllegalArgumentException("a product needs a name");
            if (p.getValue("category_id") != null && !data.hasCategory(p.getValue("category_id"))) {
                throw new IllegalArgumentException("no category " + p.getValue("category_id"));
            }
            JsonObject fields = new JsonObject();
            for (String f : CatalogRoutes.PRODUCT_FIELDS) if (p.containsKey(f)) fields.put(f, p.getValue(f));
            products.add(data.addProduct(fields).getLong("id"));
        }
        JsonObject ids = new JsonObject();
        for (Object o : request.getJsonArray("orders", new JsonArray())) {
            JsonObject order = (JsonObject) o;
            String status = order.getString("status", "new");
            if (!ShopData.STATUSES.contains(status)) throw new IllegalArgumentException("status must be one of " + ShopData.STATUSES);
            ids.put(order.getString("number"), data.putOrder(order.getString("number"), status).getLong("id"));
        }
        return new JsonObject().put("orders", ids).put("categories", categories).put("products", products);
    }
}
