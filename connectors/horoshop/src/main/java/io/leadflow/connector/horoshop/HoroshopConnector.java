package io.leadflow.connector.horoshop;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmResponse;
import io.leadflow.connector.http.GuardedHttpConnector;
import io.leadflow.connector.http.ResponseMapper;
import io.leadflow.connector.SystemCapability;
import io.leadflow.connector.shop.StatusChange;
import io.leadflow.connector.source.PullBatch;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Writes a status back to a Horoshop order ({@code orders/update} {@code orders:[{order_id,
 * status, tracking_code, payed}]}, crm-apis.md §6 [P]). The update's answer is not described [U],
 * so it is never trusted: the order is read back with {@code orders/get} {@code ids:[order_id]}
 * [C] and its {@code stat_status} must be the new status, else the write is a permanent error
 * saying the contract does not hold (an unknown order or status id reads back unchanged). Setting
 * a status is idempotent; {@link #reconcile} reads the order and reports done when it has it.
 *
 * <p>Also a pulled source ({@code from horoshop.orders(poll: …)}, {@code horoshop.registrations}): {@link #pull}.
 *
 * <p>Account: {@code base_url} = {@code https://<shop domain>} (required), setting {@code login}
 * (the API user) and secret {@code api_key} (its password); {@code timeout_ms}, {@code rate_limit}.
 */
public final class HoroshopConnector extends GuardedHttpConnector {
    private final HoroshopApi api;
    private final HoroshopFeed feed;

    public HoroshopConnector(Vertx vertx, AccountConfig config) {
        this(config, http(vertx, config));
    }

    private HoroshopConnector(AccountConfig config, CrmHttp http) {
        super(HoroshopSchema.DESCRIPTOR, config.account(), http, EnumSet.of(SystemCapability.EFFECTS, SystemCapability.PULL));
        String login = config.setting("login", null);
        if (login == null || login.isBlank()) {
            throw new IllegalArgumentException("account horoshop/" + config.account() + " needs setting login (the API user; its password is api_key)");
        }
        this.api = new HoroshopApi(http, login, config.secret(AccountConfig.API_KEY), Clock.systemUTC());
        this.feed = new HoroshopFeed((function, params, count) -> api.call(function, params, false, count), config, Clock.systemUTC());
    }

    /**
     * Orders ({@code orders/get} by window) or registrations ({@code users/export}), as the
     * account setting {@code feed} says (a pulled flow's kind), from {@code cursor}; see {@link HoroshopFeed}.
     * An expired token is renewed (and the page asked again) by {@link HoroshopApi}, so no page is lost.
     */
    @Override
    protected Future<PullBatch> pull(String cursor, CallCount count) {
        return feed.read(cursor, count);
    }

    private static CrmHttp http(Vertx vertx, AccountConfig config) {
        if (config.baseUrl() == null) {
            throw new IllegalArgumentException("account horoshop/" + config.account() + " needs base_url (https://<shop domain>): every shop has its own");
        }
        Duration timeout = Duration.ofMillis(config.longSetting("timeout_ms", 10_000));
        ResponseMapper errors = r -> new PermanentException("Horoshop HTTP " + r.status() + ": " + r.text(200), null, r.status());
        return CrmHttp.forAccount(vertx, HoroshopSchema.DESCRIPTOR, config, config.baseUrl(), timeout, errors);
    }

    @Override
    protected Future<EffectResult> apply(Effect effect, EffectContext ctx, CallCount count) {
        StatusChange change = StatusChange.of(effect);
        JsonObject order = new JsonObject().put("order_id", number(change.order())).put("status", status(change));
        CreateDeal deal = (CreateDeal) effect;
        if (deal.fields().hasNonNull("tracking_code")) order.put("tracking_code", deal.fields().get("tracking_code").asText());
        if (deal.fields().hasNonNull("payed")) order.put("payed", deal.fields().get("payed").asBoolean() ? 1 : 0);
        return api.call("orders/update", new JsonObject().put("orders", new JsonArray().add(order)), true, count)
                .compose(answer -> read(change.order(), count).map(shown -> {
                    Object now = shown.map(o -> o.getValue("stat_status")).orElse(null);
                    if (shown.isEmpty() || !String.valueOf(status(change)).equals(String.valueOf(now))) {
                        throw new PermanentException("Horoshop answered orders/update for order " + change.order() + " with "
                                + answer.getString("status") + " but the order reads " + (shown.isEmpty() ? "as missing" : "status " + now)
                                + ", not " + status(change) + " (unknown order or status id, or the unconfirmed orders/update contract does not"
                                + " hold): " + HoroshopApi.message(answer), "status", 200);
                    }
                    return new EffectResult(change.order(), count.get());
                }));
    }

    @Override
    protected Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx, CallCount count) {
        if (!(effect instanceof CreateDeal)) return Future.succeededFuture(Optional.empty());
        StatusChange change = StatusChange.of(effect);
        return read(change.order(), count).map(o -> o.filter(x -> String.valueOf(status(change)).equals(String.valueOf(x.getValue("stat_status"))))
                .map(x -> new EffectResult(change.order(), count.get())));
    }

    /** The order by number ({@code orders/get ids[]}); empty on {@code EMPTY} or when the answer lists another order. */
    private Future<Optional<JsonObject>> read(String number, CallCount count) {
        return api.call("orders/get", new JsonObject().put("ids", new JsonArray().add(number(number))), false, count).map(r -> {
            JsonObject resp = r.getValue("response") instanceof JsonObject o ? o : new JsonObject();
            JsonArray orders = resp.getValue("orders") instanceof JsonArray a ? a : new JsonArray();
            for (Object o : orders) {
                if (o instanceof JsonObject j && number.equals(String.valueOf(j.getValue("order_id")))) return Optional.of(j);
            }
            return Optional.empty();
        });
    }

    private static int status(StatusChange change) {
        try {
            return Integer.parseInt(change.status());
        } catch (NumberFormatException e) {
            throw new PermanentException("Horoshop order statuses are ids (1 New, 2 Processing, 3 Delivered, 4 Cancelled, 6 Shipping by"
                    + " default); got '" + change.status() + "'", "status", 0);
        }
    }

    private static Object number(String order) {
        try {
            return Long.parseLong(order);
        } catch (NumberFormatException e) {
            return order;
        }
    }
}
