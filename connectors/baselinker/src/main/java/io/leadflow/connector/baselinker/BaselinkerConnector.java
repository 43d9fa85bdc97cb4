package io.leadflow.connector.baselinker;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.IdempotencyToken;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.GuardedHttpConnector;
import io.leadflow.connector.ratelimit.RateLimits;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Baselinker (C4, seed 003): every lead becomes a new order through {@code addOrder}; products are
 * linked to the account's inventory by SKU when the account sets {@code inventory_id}. There is
 * no contact or order lookup, so {@code find} and every effect other than creating a deal are
 * refused as permanent errors (the compiler already refuses them).
 *
 * <p>Account: secret {@code api_key} (the X-BLToken); settings {@code inventory_id},
 * {@code timeout_ms} (default 10000), {@code reconcile_hours} (how far back reconcile searches,
 * default 24), {@code rate_limit} (see {@link RateLimits}).
 */
public final class BaselinkerConnector extends GuardedHttpConnector {
    public static final String DEFAULT_BASE_URL = "https://api.baselinker.com";
    private static final int MAX_RECONCILE_PAGES = 50;

    private final BaselinkerApi api;
    private final BaselinkerInventory inventory;
    private final BaselinkerAccountData accountData;
    private final Clock clock;
    private final Duration reconcileWindow;

    public BaselinkerConnector(Vertx vertx, AccountConfig config, Clock clock) {
        super(BaselinkerSchema.DESCRIPTOR, config.account(), CrmHttp.forAccount(vertx, BaselinkerSchema.DESCRIPTOR, config,
                config.baseUrl() == null ? DEFAULT_BASE_URL : config.baseUrl(),
                Duration.ofMillis(config.longSetting("timeout_ms", 10_000)), new BaselinkerErrors(clock::instant)));
        this.clock = clock;
        this.api = new BaselinkerApi(http(), config.secret(AccountConfig.API_KEY));
        this.accountData = new BaselinkerAccountData(api);
        long inventoryId = config.longSetting("inventory_id", -1);
        this.inventory = inventoryId < 0 ? null : new BaselinkerInventory(api, inventoryId);
        this.reconcileWindow = Duration.ofHours(config.longSetting("reconcile_hours", 24));
    }

    /** Extra fields ({@code getOrderExtraFields}) as deal custom fields, and {@code order_status_id} values; cached. */
    @Override
    protected Future<AccountSchema> readAccountSchema() {
        return accountData.schema(account());
    }

    /** Baselinker declares no {@code LOOKUP}: the base refuses {@code find} without a call. */
    @Override
    protected Future<EffectResult> apply(Effect effect, EffectContext ctx, CallCount count) {
        if (!(effect instanceof CreateDeal deal)) {
            return Future.failedFuture(new PermanentException("Baselinker cannot " + effect.describe()
                    + ": its order API only creates orders (seed 003)", null, 0));
        }
        JsonObject params = BaselinkerOrderEncoder.encode(deal.fields(), IdempotencyToken.of(ctx.idempotencyKey()), clock.instant().getEpochSecond());
        return accountData.check(params).compose(v -> linkProducts(params, count))
                .compose(v -> api.call("addOrder", params, true, count))
                .map(body -> new EffectResult(String.valueOf(body.getValue("order_id")), count.get()));
    }

    private Future<Void> linkProducts(JsonObject params, CallCount count) {
        JsonArray products = params.getJsonArray("products");
        if (inventory == null || products == null) return Future.succeededFuture();
        List<Future<?>> lookups = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            JsonObject p = products.getJsonObject(i);
            String sku = p.getString("sku");
            if (sku == null || p.getValue("product_id") != null) continue;
            lookups.add(inventory.productId(sku, count).onSuccess(id -> id.ifPresent(x -> p.put("product_id", x))));
        }
        return Future.all(lookups).mapEmpty();
    }

    @Override
    protected Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx, CallCount count) {
        if (!(effect instanceof CreateDeal deal)) return Future.succeededFuture(Optional.empty());
        String token = IdempotencyToken.of(ctx.idempotencyKey());
        long from = clock.instant().minus(reconcileWindow).getEpochSecond();
        if (deal.fields().path("date_add").canConvertToLong()) from = Math.min(from, deal.fields().path("date_add").asLong() - 1);
        JsonObject params = new JsonObject().put("get_unconfirmed_orders", true).put("date_from", from);
        if (deal.fields().path("email").isTextual()) params.put("filter_email", deal.fields().path("email").asText());
        return searchPages(params, token, count, 0);
    }

    private Future<Optional<EffectResult>> searchPages(JsonObject params, String token, CallCount count, int page) {
        return api.call("getOrders", params, false, count).compose(body -> {
            JsonArray orders = body.getJsonArray("orders", new JsonArray());
            long lastId = -1;
            for (int i = 0; i < orders.size(); i++) {
                JsonObject o = orders.getJsonObject(i);
                lastId = Math.max(lastId, o.getLong("order_id", -1L));
                if (token.equals(o.getString(BaselinkerOrderEncoder.KEY_FIELD))
                        || String.valueOf(o.getString(BaselinkerOrderEncoder.FALLBACK_KEY_FIELD)).contains(token)) {
                    return Future.succeededFuture(Optional.of(new EffectResult(String.valueOf(o.getValue("order_id")), count.get())));
                }
            }
            if (orders.size() < 100 || page + 1 >= MAX_RECONCILE_PAGES) return Future.succeededFuture(Optional.empty());
            return searchPages(params.copy().put("id_from", lastId + 1), token, count, page + 1);
        });
    }
}
