package io.leadflow.connector.baselinker.emulator;

import io.leadflow.connector.baselinker.BaselinkerSchema;
import io.leadflow.connector.emulator.ApiEmulator;
import io.leadflow.connector.emulator.WriteReply;
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
public final class BaselinkerEmulator extends ApiEmulator<BaselinkerOrders> {
    public static final String TOKEN = "emulator-bl-token";
    public static final int INVENTORY_ID = 307;
    public static final RateLimit LIMIT = new RateLimit(100, Duration.ofMinutes(1), true, "api.baselinker.com");
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final BaselinkerReferenceData reference = new BaselinkerReferenceData();

    public BaselinkerEmulator(Vertx vertx) {
        super(vertx, BaselinkerSchema.DESCRIPTOR, LIMIT, new BaselinkerOrders(), TOKEN, "", Map.of("inventory_id", String.valueOf(INVENTORY_ID)));
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
    protected void mount(Router api, WriteReply writes) {
        api.post("/connector.php").handler(this::handleCall);
    }

    @Override
    protected void authenticate(RoutingContext ctx) {
        if (authorised(token(ctx))) ctx.next();
        else error(ctx, "ERROR_BAD_TOKEN", "Invalid user token");
    }

    /** Every method goes through {@code POST /connector.php}; any other path is not the API. */
    @Override
    protected void notFound(RoutingContext ctx) {
        reply(ctx, 404, new JsonObject().put("status", "ERROR").put("error_code", "ERROR_UNKNOWN_METHOD")
                .put("error_message", "Not found: " + ctx.request().path()));
    }

    private static String token(RoutingContext ctx) {
        String h = ctx.request().getHeader("X-BLToken");
        return h != null ? h : ctx.request().getFormAttribute("token");
    }

    private void handleCall(RoutingContext ctx) {
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
        int id = data.add(params.copy());
        replyWrite(ctx, 200, new JsonObject().put("status", "SUCCESS").put("order_id", id));
    }

    private void setOrderFields(RoutingContext ctx, JsonObject params) {
        long id = params.getValue("order_id") instanceof Number n ? n.longValue() : -1;
        if (!data.exists(id)) {
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
        data.change(id, change);
        replyWrite(ctx, 200, new JsonObject().put("status", "SUCCESS"));
    }

    private void getOrders(RoutingContext ctx, JsonObject params) {
        for (String f : new String[] {"order_id", "id_from", "date_from", "date_confirmed_from", "status_id"}) {
            if (params.getValue(f) != null && !(params.getValue(f) instanceof Number)) {
                error(ctx, BaselinkerOrderRules.FIELD_VALUE, "Invalid value of field '" + f + "': must be a number");
                return;
            }
        }
        ok(ctx, new JsonObject().put("orders", data.find(params)));
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
