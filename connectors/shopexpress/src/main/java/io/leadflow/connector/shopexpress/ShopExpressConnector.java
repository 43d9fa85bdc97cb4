package io.leadflow.connector.shopexpress;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmResponse;
import io.leadflow.connector.http.GuardedHttpConnector;
import io.leadflow.connector.shop.StatusChange;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes a KeyCRM status change back to the Shop-Express order (seed 001, "Webhook для зміни
 * статусів замовлення"). The order block's {@code order_id} and {@code status} become
 * {@code PATCH /orders/{order_id}}. Because the API is unconfirmed, a 2xx is not trusted: the
 * answer must show the order with the new status, else the order is read back, and a status
 * that still differs is a permanent error saying the guessed contract does not hold. Setting a
 * status is idempotent, so {@link #reconcile} reads the order and reports done when it already
 * has the status.
 *
 * <p>Account: secret {@code api_key}; settings {@code timeout_ms} (default 10000),
 * {@code rate_limit}. Base URL {@code https://<shop domain>/api/v1} (no default: every shop has
 * its own domain).
 */
public final class ShopExpressConnector extends GuardedHttpConnector {
    private final ShopExpressApi api;

    public ShopExpressConnector(Vertx vertx, AccountConfig config) {
        this(config, http(vertx, config));
    }

    private ShopExpressConnector(AccountConfig config, CrmHttp http) {
        super(ShopExpressSchema.DESCRIPTOR, config.account(), http);
        this.api = new ShopExpressApi(http, config.secret(AccountConfig.API_KEY));
    }

    private static CrmHttp http(Vertx vertx, AccountConfig config) {
        if (config.baseUrl() == null) {
            throw new IllegalArgumentException("account shopexpress/" + config.account()
                    + " needs base_url (https://<shop domain>/api/v1): Shop-Express has no common API host");
        }
        Duration timeout = Duration.ofMillis(config.longSetting("timeout_ms", 10_000));
        return CrmHttp.forAccount(vertx, ShopExpressSchema.DESCRIPTOR, config, config.baseUrl(), timeout, new ShopExpressErrors());
    }

    @Override
    protected Future<EffectResult> apply(Effect effect, EffectContext ctx, CallCount count) {
        StatusChange change = StatusChange.of(effect);
        JsonObject body = new JsonObject().put("status", change.status());
        if (change.comment() != null) body.put("comment", change.comment());
        return api.setStatus(change.order(), body, count)
                .compose(r -> confirmed(change, r, count))
                .map(order -> new EffectResult(change.order(), count.get()));
    }

    /** The order as the answer shows it when it carries the new status; otherwise read back and compared. */
    private Future<JsonObject> confirmed(StatusChange change, CrmResponse answer, CallCount count) {
        JsonObject shown = answer.jsonObject();
        if (shown != null && change.status().equals(text(shown.getValue("status")))) return Future.succeededFuture(shown);
        return api.order(change.order(), count).map(order -> {
            if (!change.status().equals(text(order.getValue("status")))) {
                throw new PermanentException("Shop-Express accepted the status change of order " + change.order()
                        + " (HTTP " + answer.status() + ") but the order reads status '" + text(order.getValue("status"))
                        + "', not '" + change.status() + "': the unconfirmed API contract does not hold for this shop", "status", answer.status());
            }
            return order;
        });
    }

    @Override
    protected Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx, CallCount count) {
        if (!(effect instanceof CreateDeal)) return Future.succeededFuture(Optional.empty());
        StatusChange change = StatusChange.of(effect);
        return api.order(change.order(), count).map(order -> change.status().equals(text(order.getValue("status")))
                ? Optional.of(new EffectResult(change.order(), count.get())) : Optional.empty());
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }
}
