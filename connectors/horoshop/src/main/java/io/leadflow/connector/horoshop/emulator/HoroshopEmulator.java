package io.leadflow.connector.horoshop.emulator;

import io.leadflow.connector.emulator.ApiEmulator;
import io.leadflow.connector.emulator.WriteReply;
import io.leadflow.connector.horoshop.HoroshopSchema;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Horoshop on loopback, from crm-apis.md §6 (never from the adapter): {@code POST /api/auth/}
 * {@code {login, password}} → a 32-character token living 600 s [C]; every other function takes
 * the token in its JSON body and answers HTTP 200 {@code {status, response}} [C]: {@code OK},
 * {@code EMPTY} (nothing found), {@code ERROR} with {@code response.message} (a bad or expired
 * token: "Invalid token" [P]), {@code UNDEFINED_FUNCTION} for an unknown function [P]. Functions:
 * {@code orders/get} ({@code ids[]} → {@code response.orders[]} with {@code order_id},
 * {@code stat_status}, {@code tracking_code}, {@code payed}) [C], {@code orders/update}
 * ({@code orders:[{order_id, status, tracking_code, payed}]}) [P], {@code
 * orders/get_available_statuses} (defaults 1, 2, 3, 4, 6) [C]; {@code orders/get} without
 * {@code ids} and {@code users/export} read a window ({@code from}, {@code to}, {@code offset},
 * {@code limit}, orders also {@code status}; see {@link TimeWindow}) → {@code response.orders[]} /
 * {@code response.users[]}, {@code EMPTY} when the page is empty [C]. The update's answer is [U]: this
 * emulator answers {@code OK}, or {@code WARNING} with a per-order {@code log} for an unknown order
 * or status id (which it leaves unchanged). No documented rate limit: {@link #LIMIT} is assumed.
 *
 * <p>The emulated account's settings: {@code login}, and {@code settle_seconds=0} for a pulled
 * feed (this emulator stores an order in one step, so a window may close at the current second).
 *
 * <p>Pessimistic mode: an unknown order or status id is ignored silently ({@code OK}), and a bad
 * token's ERROR says only "Access denied" (the wording is [P]). Test hook: {@link #expireTokens()}.
 * Seed with {@code POST /__emulator/seed} {@code {"orders": [{"order_id": 1207, "stat_status": 1, "stat_created": "2026-11-20 09:12:44", …}],
 * "users": [{"id": 5, "registered": "…", …}]}} (times default to now, shop time).
 */
public final class HoroshopEmulator extends ApiEmulator<HoroshopData> {
    public static final String LOGIN = "api-user";
    public static final String TEST_KEY = "horoshop-test-password";
    /** Assumed by the emulator: the reference documents no Horoshop rate limit. */
    public static final RateLimit LIMIT = new RateLimit(120, Duration.ofMinutes(1), false, "assumed by the emulator: no documented limit (crm-apis.md §6)");
    static final List<Integer> STATUSES = List.of(1, 2, 3, 4, 6);

    private final Clock clock;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public HoroshopEmulator(Vertx vertx) {
        this(vertx, Clock.systemUTC());
    }

    public HoroshopEmulator(Vertx vertx, Clock clock) {
        super(vertx, HoroshopSchema.DESCRIPTOR, LIMIT, new HoroshopData(), TEST_KEY, "/api", Map.of("login", LOGIN, "settle_seconds", "0"));
        this.clock = clock;
    }

    /** Every token issued so far stops working (as after 600 s). */
    public void expireTokens() {
        tokens.clear();
    }

    @Override
    protected void mount(Router api, WriteReply writes) {
        api.post("/auth/").handler(this::handleAuth);
        api.post("/orders/get/").handler(this::handleGet);
        api.post("/users/export/").handler(ctx -> handleWindow(ctx, data.users(), "users", "registered"));
        api.post("/orders/update/").handler(ctx -> handleUpdate(ctx, writes));
        api.post("/orders/get_available_statuses/").handler(ctx -> {
            JsonObject st = new JsonObject();
            for (int id : STATUSES) st.put(String.valueOf(id), new JsonObject().put("id", id).put("is_successful", id == 3 ? 1 : 0));
            ok(ctx, new JsonObject().put("statuses", st));
        });
    }

    private void handleAuth(RoutingContext ctx) {
        JsonObject b = body(ctx);
        if (b == null) return;
        if (!LOGIN.equals(b.getString("login")) || !authorised(b.getString("password"))) {
            envelope(ctx, "ERROR", new JsonObject().put("message", "Invalid login or password"));
            return;
        }
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        tokens.put(token, clock.instant().plusSeconds(600));
        ok(ctx, new JsonObject().put("token", token));
    }

    private void handleGet(RoutingContext ctx) {
        JsonObject b = ctx.body().asJsonObject();
        if (b.getValue("ids") == null) {
            handleWindow(ctx, data.orders(), "orders", "stat_created");
            return;
        }
        JsonArray ids = b.getValue("ids") instanceof JsonArray a ? a : new JsonArray();
        JsonArray found = new JsonArray();
        for (Object id : ids) data.order(String.valueOf(id)).ifPresent(o -> {
            o.remove("status_history");
            found.add(o);
        });
        if (found.isEmpty()) envelope(ctx, "EMPTY", new JsonObject());
        else ok(ctx, new JsonObject().put("orders", found));
    }

    /** {@code orders/get} without {@code ids}, {@code users/export}: a window of {@code from}/{@code to}, {@code offset}/{@code limit}; EMPTY when none. */
    private void handleWindow(RoutingContext ctx, List<JsonObject> all, String list, String timeField) {
        TimeWindow.Page page = TimeWindow.select(all, ctx.body().asJsonObject(), timeField, pessimistic());
        if (page.error() != null) {
            envelope(ctx, "ERROR", new JsonObject().put("message", page.error()));
            return;
        }
        if (page.records().isEmpty()) {
            envelope(ctx, "EMPTY", new JsonObject());
            return;
        }
        JsonArray rows = new JsonArray();
        for (JsonObject r : page.records()) {
            r.remove("status_history");
            rows.add(r);
        }
        ok(ctx, new JsonObject().put(list, rows));
    }

    private void handleUpdate(RoutingContext ctx, WriteReply writes) {
        JsonObject b = ctx.body().asJsonObject();
        if (!(b.getValue("orders") instanceof JsonArray orders) || orders.isEmpty()) {
            envelope(ctx, "ERROR", new JsonObject().put("message", "orders is required"));
            return;
        }
        JsonArray log = new JsonArray();
        for (Object o : orders) {
            JsonObject u = o instanceof JsonObject j ? j : new JsonObject();
            String number = String.valueOf(u.getValue("order_id"));
            Integer status = u.getValue("status") instanceof Number n ? n.intValue() : null;
            if (data.order(number).isEmpty()) {
                log.add(new JsonObject().put("order_id", u.getValue("order_id")).put("message", "Order not found"));
                continue;
            }
            if (status != null && !STATUSES.contains(status)) {
                log.add(new JsonObject().put("order_id", u.getValue("order_id")).put("message", "Unknown status " + status));
                continue;
            }
            data.change(number, status, u.getString("tracking_code"), u.getValue("payed") instanceof Number p ? p.intValue() : null);
        }
        boolean warn = !log.isEmpty() && !pessimistic();
        writes.reply(ctx, 200, new JsonObject().put("status", warn ? "WARNING" : "OK")
                .put("response", warn ? new JsonObject().put("log", log) : new JsonObject()));
    }

    private JsonObject body(RoutingContext ctx) {
        try {
            JsonObject o = ctx.body().asJsonObject();
            if (o != null) return o;
        } catch (DecodeException | ClassCastException e) {
            // answered below
        }
        envelope(ctx, "HTTP_ERROR", new JsonObject().put("code", 400).put("message", "payload is not json"));
        return null;
    }

    private void ok(RoutingContext ctx, JsonObject response) {
        envelope(ctx, "OK", response);
    }

    private void envelope(RoutingContext ctx, String status, JsonObject response) {
        reply(ctx, 200, new JsonObject().put("status", status).put("response", response));
    }

    @Override
    protected void authenticate(RoutingContext ctx) {
        if (ctx.request().path().equals("/api/auth/")) {
            ctx.next();
            return;
        }
        JsonObject b = body(ctx);
        if (b == null) return;
        Instant until = b.getString("token") == null ? null : tokens.get(b.getString("token"));
        if (until != null && clock.instant().isBefore(until)) {
            ctx.next();
            return;
        }
        envelope(ctx, "ERROR", new JsonObject().put("message", pessimistic() ? "Access denied" : "Invalid token"));
    }

    @Override
    protected void notFound(RoutingContext ctx) {
        envelope(ctx, "UNDEFINED_FUNCTION", new JsonObject());
    }

    @Override
    protected void overLimit(RoutingContext ctx, Duration retryAfter) {
        ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds(retryAfter)));
        reply(ctx, 429, new JsonObject().put("status", "ERROR").put("response", new JsonObject().put("message", "Too many requests")));
    }

    @Override
    protected JsonObject seed(JsonObject request) {
        JsonObject ids = new JsonObject();
        for (Object o : request.getJsonArray("orders", new JsonArray())) {
            JsonObject order = data.putOrder((JsonObject) o);
            ids.put(String.valueOf(order.getValue("order_id")), order.getValue("order_id"));
        }
        JsonObject users = new JsonObject();
        for (Object o : request.getJsonArray("users", new JsonArray())) {
            JsonObject user = data.putUser((JsonObject) o);
            users.put(String.valueOf(user.getValue("id")), user.getValue("id"));
        }
        return new JsonObject().put("orders", ids).put("users", users);
    }
}
