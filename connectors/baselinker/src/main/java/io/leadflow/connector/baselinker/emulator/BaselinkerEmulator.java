package io.leadflow.connector.baselinker.emulator;

import io.leadflow.connector.emulator.EmulatorServer;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Baselinker's {@code connector.php} on loopback, built from the API reference (crm-apis.md §3):
 * one form POST per call ({@code method}, {@code parameters} as JSON), token in {@code X-BLToken}
 * (the deprecated {@code token} form field is accepted too), every answer HTTP 200 with
 * {@code status: SUCCESS|ERROR}. Methods: addOrder, getOrders, getOrderStatusList,
 * getOrderExtraFields, getInventoryProductsList, setOrderFields.
 *
 * <p>Assumptions [U], the reference does not say: error codes ({@code ERROR_BAD_TOKEN},
 * {@code ERROR_UNKNOWN_METHOD}, {@code ERROR_JSON_PARAMETERS}, {@code ERROR_PARAMETERS}, {@code ERROR_FIELD_VALUE},
 * {@code ERROR_BLOCKED_TOKEN}) and their wording; over the 100/min limit the token is "blocked
 * until" the window frees (message {@code "Query limit exceeded, token blocked until
 * yyyy-MM-dd HH:mm:ss"}, UTC); orders made by addOrder are unconfirmed (visible to getOrders only
 * with {@code get_unconfirmed_orders}); {@code filter_sku} and {@code filter_email} match
 * substrings.
 */
public final class BaselinkerEmulator extends EmulatorServer {
    public static final String TOKEN = "emulator-bl-token";
    public static final int INVENTORY_ID = 307;
    public static final RateLimit LIMIT = new RateLimit(100, Duration.ofMinutes(1), true, "api.baselinker.com");
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final BaselinkerReferenceData reference = new BaselinkerReferenceData();
    private final List<JsonObject> orders = new ArrayList<>();
    private int nextOrderId = 12001;

    public BaselinkerEmulator(Vertx vertx) {
        super(vertx, LIMIT);
    }

    private JsonObject acceptingUnknownIds(JsonObject params) {
        JsonObject out = params.copy();
        if (out.getValue("order_status_id") instanceof Number n && !reference.statusIds().contains(n.intValue())) {
            out.put("order_status_id", reference.statusIds().iterator().next()); // silently put in some status
        }
        if (out.getValue("custom_extra_fields") instanceof JsonObject extra) {
            extra.fieldNames().removeIf(id -> !reference.extraFieldIds().contains(id));
        }
        return out;
    }

    @Override
    protected String connectorName() {
        return "baselinker";
    }

    @Override
    protected String validKey() {
        return TOKEN;
    }

    @Override
    protected Map<String, String> accountSettings() {
        return Map.of("inventory_id", String.valueOf(INVENTORY_ID));
    }

    @Override
    protected String operation(RoutingContext ctx) {
        String m = ctx.request().getFormAttribute("method");
        return m == null ? ctx.request().method().name() + " " + ctx.request().path() : m;
    }

    @Override
    protected String rateKey(RoutingContext ctx) {
        String t = token(ctx);
        return t == null ? "" : t;
    }

    @Override
    protected void overLimit(RoutingContext ctx, Duration retryAfter) {
        Instant until = Instant.ofEpochSecond(Instant.now().plus(retryAfter).getEpochSecond() + 1);
        error(ctx, "ERROR_BLOCKED_TOKEN", "Query limit exceeded, token blocked until " + UNTIL.format(until));
    }

    @Override
    protected void routes(Router router) {
        router.post("/connector.php").handler(this::handleCall);
    }

    @Override
    protected synchronized JsonObject records() {
        return new JsonObject().put("orders", new JsonArray(new ArrayList<>(orders)));
    }

    @Override
    protected synchronized void clearRecords() {
        orders.clear();
    }

    private static String token(RoutingContext ctx) {
        String h = ctx.request().getHeader("X-BLToken");
        return h != null ? h : ctx.request().getFormAttribute("token");
    }

    private void handleCall(RoutingContext ctx) {
        if (!authorised(token(ctx))) {
            error(ctx, "ERROR_BAD_TOKEN", "Invalid user token");
            return;
        }
        String method = ctx.request().getFormAttribute("method");
        JsonObject params;
        try {
            String raw = ctx.request().getFormAttribute("parameters");
            params = raw == null || raw.isBlank() ? new JsonObject() : new JsonObject(raw);
        } catch (DecodeException | ClassCastException e) {
            error(ctx, "ERROR_JSON_PARAMETERS", "Parameters are not a valid JSON object");
            return;
        }
        try {
            switch (method == null ? "" : method) {
                case "addOrder" -> addOrder(ctx, params);
                case "setOrderFields" -> setOrderFields(ctx, params);
                case "getOrders" -> getOrders(ctx, params);
                case "getOrderStatusList" -> ok(ctx, new JsonObject().put("statuses", reference.statuses()));
                case "getOrderExtraFields" -> ok(ctx, new JsonObject().put("extra_fields", reference.extraFields()));
                case "getInventoryProductsList" -> inventoryProducts(ctx, params);
                default -> error(ctx, "ERROR_UNKNOWN_METHOD", "Unknown method: " + method);
            }
        } catch (ClassCastException e) {
            error(ctx, "ERROR_PARAMETERS", "A parameter has the wrong type");
        }
    }

    /**
     * Whether addOrder refuses an unknown {@code order_status_id} or extra field id is [U]: the
     * emulator refuses them; pessimistic, it takes the order anyway and drops unknown extra fields.
     */
    private void addOrder(RoutingContext ctx, JsonObject params) {
        if (pessimistic()) params = acceptingUnknownIds(params);
        BaselinkerOrderRules.Problem p = BaselinkerOrderRules.check(params, reference.statusIds(), reference.extraFieldIds());
        if (p != null) {
            error(ctx, p.code(), p.message());
            return;
        }
        JsonObject order = params.copy();
        synchronized (this) {
            order.put("order_id", nextOrderId++);
            if (order.getValue("date_add") == null) order.put("date_add", Instant.now().getEpochSecond());
            order.put("confirmed", false).put("date_confirmed", 0).put("order_source", "personal").put("order_source_id", 0);
            orders.add(order);
        }
        replyWrite(ctx, 200, new JsonObject().put("status", "SUCCESS").put("order_id", order.getInteger("order_id")));
    }

    private void setOrderFields(RoutingContext ctx, JsonObject params) {
        JsonObject order = params.getValue("order_id") instanceof Number n ? order(n.longValue()) : null;
        if (order == null) {
            error(ctx, BaselinkerOrderRules.FIELD_VALUE, "Invalid value of field 'order_id': no such order");
            return;
        }
        JsonObject change = params.copy();
        change.remove("order_id");
        BaselinkerOrderRules.Problem p = BaselinkerOrderRules.check(change, reference.statusIds(), reference.extraFieldIds());
        if (p != null) {
            error(ctx, p.code(), p.message());
            return;
        }
        synchronized (this) {
            order.mergeIn(change);
        }
        replyWrite(ctx, 200, new JsonObject().put("status", "SUCCESS"));
    }

    private synchronized JsonObject order(long id) {
        return orders.stream().filter(o -> o.getLong("order_id") == id).findFirst().orElse(null);
    }

    private void getOrders(RoutingContext ctx, JsonObject params) {
        for (String f : new String[] {"order_id", "id_from", "date_from", "date_confirmed_from", "status_id"}) {
            if (params.getValue(f) != null && !(params.getValue(f) instanceof Number)) {
                error(ctx, BaselinkerOrderRules.FIELD_VALUE, "Invalid value of field '" + f + "': must be a number");
                return;
            }
        }
        ok(ctx, new JsonObject().put("orders", findOrders(params)));
    }

    private synchronized JsonArray findOrders(JsonObject p) {
        boolean unconfirmed = Boolean.TRUE.equals(p.getValue("get_unconfirmed_orders"));
        boolean extra = Boolean.TRUE.equals(p.getValue("include_custom_extra_fields"));
        String email = p.getString("filter_email");
        JsonArray out = new JsonArray();
        for (JsonObject o : orders) {
            if (out.size() == 100) break;
            if (!unconfirmed && !o.getBoolean("confirmed")) continue;
            if (p.getValue("order_id") != null && !o.getLong("order_id").equals(p.getLong("order_id"))) continue;
            if (p.getValue("id_from") != null && o.getLong("order_id") < p.getLong("id_from")) continue;
            if (p.getValue("date_from") != null && o.getLong("date_add") < p.getLong("date_from")) continue;
            if (p.getValue("status_id") != null && !p.getValue("status_id").equals(o.getValue("order_status_id"))) continue;
            if (email != null && (o.getString("email") == null || !o.getString("email").contains(email))) continue;
            JsonObject copy = o.copy();
            if (!extra) copy.remove("custom_extra_fields");
            out.add(copy);
        }
        return out;
    }

    private void inventoryProducts(RoutingContext ctx, JsonObject p) {
        if (!(p.getValue("inventory_id") instanceof Number n) || n.intValue() != INVENTORY_ID) {
            error(ctx, BaselinkerOrderRules.FIELD_VALUE, "Invalid value of field 'inventory_id': no such inventory");
            return;
        }
        ok(ctx, new JsonObject().put("products", reference.products(p.getString("filter_sku"))));
    }

    private void ok(RoutingContext ctx, JsonObject body) {
        reply(ctx, 200, new JsonObject().put("status", "SUCCESS").mergeIn(body));
    }

    private void error(RoutingContext ctx, String code, String message) {
        reply(ctx, 200, new JsonObject().put("status", "ERROR").put("error_code", code).put("error_message", message));
    }

    /** Ids of the statuses this emulator knows (for tests). */
    public Set<Integer> statusIds() {
        return reference.statusIds();
    }
}
