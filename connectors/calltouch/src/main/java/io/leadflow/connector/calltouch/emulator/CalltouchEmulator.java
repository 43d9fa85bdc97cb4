package io.leadflow.connector.calltouch.emulator;

import io.leadflow.connector.calltouch.CalltouchSchema;
import io.leadflow.connector.emulator.ApiEmulator;
import io.leadflow.connector.emulator.WriteReply;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calltouch on loopback, from crm-apis.md §7 (never from the adapter): the Deals API 2.0
 * ({@code POST /lead-service/v1/api/client-order/create|update}, headers {@code Access-Token} +
 * {@code SiteId} [C]) and the journals a deal's lead is looked up in: calls and deals
 * ({@code /calls-service/RestAPI/{siteId}/calls-diary/calls}, {@code …/orders-diary/orders},
 * {@code dateFrom/dateTo} day-first [C], {@code page} + {@code limit} ≤ 1000 → {@code {records,
 * recordsTotal}}, without {@code page} a bare array [P]) and requests
 * ({@code /calls-service/RestAPI/requests?siteId=…}, month-first dates, a bare array [C/P]), all
 * with {@code clientApiId} in the query [C].
 *
 * <p>Deal rules (this emulator's reading; the reference gives no error list [U]): {@code orders}
 * non-empty; each has {@code orderNumber}; a create needs {@code matching} (entries tried in order:
 * {@code call} with {@code callParams.callId}, {@code request} with {@code requestParams.requestId},
 * {@code withoutSource}; an entry naming an unknown call or request links nothing and the next is
 * tried); {@code revenue} numeric; dates {@code dd-mm-yyyy HH:mm:ss} [P]; a second create of an
 * order number and an update of an unknown one are refused. Errors: HTTP 400
 * {@code {"errors": [{"field", "message"}]}} [U]. The deals journal lists deals by the day they were
 * made in Calltouch [U]. No documented rate limit: {@link #LIMIT} is assumed.
 *
 * <p>Pessimistic mode: the journals ignore {@code page}/{@code limit} (one bare array) and list
 * newest first; a refused deal comes back as HTTP 200 with the {@code errors} list (the envelope is
 * [U], so an adapter must not take any 2xx for a made deal).
 *
 * <p>Seed calls and requests with {@code POST /__emulator/seed} {@code {"calls": [{"ref",
 * "callerNumber", "date": "yyyy-MM-dd HH:mm:ss"}], "requests": [{"ref", "phoneNumber", "email",
 * "date"}]}} → {@code {"calls": {ref: callId}, "requests": {ref: requestId}}}.
 */
public final class CalltouchEmulator extends ApiEmulator<CalltouchData> {
    public static final String TEST_KEY = "calltouch-test-key";
    public static final String SITE_ID = "51234";
    /** How the emulated journals write a record's time [P: the call journal's {@code date}; the requests journal's is U]. */
    public static final DateTimeFormatter JOURNAL_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    /** Assumed by the emulator: the reference documents no Calltouch rate limit. */
    public static final RateLimit LIMIT = new RateLimit(20, Duration.ofSeconds(1), false, "assumed by the emulator: no documented limit (crm-apis.md §7)");

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH_FIRST = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter DEAL_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");
    private static final DateTimeFormatter SEED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_LIMIT = 1000;

    private final Clock clock;

    public CalltouchEmulator(Vertx vertx) {
        this(vertx, Clock.systemUTC());
    }

    public CalltouchEmulator(Vertx vertx, Clock clock) {
        super(vertx, CalltouchSchema.DESCRIPTOR, LIMIT, new CalltouchData(), TEST_KEY, "", Map.of("site_id", SITE_ID));
        this.clock = clock;
    }

    @Override
    protected void mount(Router api, WriteReply writes) {
        api.post("/lead-service/v1/api/client-order/create").handler(ctx -> handleCreate(ctx, writes));
        api.post("/lead-service/v1/api/client-order/update").handler(ctx -> handleUpdate(ctx, writes));
        api.get("/calls-service/RestAPI/:site/calls-diary/calls").handler(ctx -> journal(ctx, true, "calls"));
        api.get("/calls-service/RestAPI/:site/orders-diary/orders").handler(ctx -> journal(ctx, true, "deals"));
        api.get("/calls-service/RestAPI/requests").handler(ctx -> journal(ctx, false, "requests"));
    }

    // ---- journals ---------------------------------------------------------------------------

    private void journal(RoutingContext ctx, boolean dayFirst, String which) {
        String site = ctx.pathParam("site") != null ? ctx.pathParam("site") : ctx.queryParams().get("siteId");
        if (!SITE_ID.equals(site)) {
            reply(ctx, 404, new JsonObject().put("message", "unknown site " + site));
            return;
        }
        LocalDate from = date(ctx, "dateFrom", dayFirst ? DAY_FIRST : MONTH_FIRST);
        LocalDate to = from == null ? null : date(ctx, "dateTo", dayFirst ? DAY_FIRST : MONTH_FIRST);
        if (to == null) return;
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        List<JsonObject> all = new ArrayList<>(switch (which) {
            case "calls" -> data.calls(start, end);
            case "requests" -> data.requests(start, end);
            default -> data.dealsCreated(start, end);
        });
        if (pessimistic()) Collections.reverse(all);
        String page = ctx.queryParams().get("page");
        if (page == null || pessimistic() || which.equals("requests")) {
            reply(ctx, 200, new JsonArray(new ArrayList<>(all)));
            return;
        }
        int p;
        int limit;
        try {
            p = Integer.parseInt(page);
            limit = Integer.parseInt(ctx.queryParams().get("limit") == null ? "100" : ctx.queryParams().get("limit"));
        } catch (NumberFormatException e) {
            reply(ctx, 400, new JsonObject().put("message", "page and limit must be numbers"));
            return;
        }
        if (p < 1 || limit < 1 || limit > MAX_LIMIT) {
            reply(ctx, 400, new JsonObject().put("message", "page must be at least 1 and limit 1-" + MAX_LIMIT));
            return;
        }
        int fromIndex = Math.min(all.size(), (p - 1) * limit);
        reply(ctx, 200, new JsonObject().put("page", p).put("pageTotal", Math.max(1, (all.size() + limit - 1) / limit))
                .put("recordsTotal", all.size()).put("records", new JsonArray(new ArrayList<>(all.subList(fromIndex, Math.min(all.size(), fromIndex + limit))))));
    }

    private LocalDate date(RoutingContext ctx, String param, DateTimeFormatter format) {
        String v = ctx.queryParams().get(param);
        try {
            return LocalDate.parse(v == null ? "" : v, format);
        } catch (DateTimeParseException e) {
            reply(ctx, 400, new JsonObject().put("message", param + " must be " + (format == DAY_FIRST ? "dd/mm/yyyy" : "mm/dd/yyyy") + ", got " + v));
            return null;
        }
    }

    // ---- deals ------------------------------------------------------------------------------

    private void handleCreate(RoutingContext ctx, WriteReply writes) {
        JsonArray orders = orders(ctx);
        if (orders == null) return;
        List<JsonObject> checked = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            JsonObject o = orders.getJsonObject(i);
            if (!valid(ctx, o, i)) return;
            if (!(o.getValue("matching") instanceof JsonArray m) || m.isEmpty()) {
                refuse(ctx, "orders." + i + ".matching", "matching is required");
                return;
            }
            if (data.deal(o.getString("orderNumber")).isPresent()) {
                refuse(ctx, "orders." + i + ".orderNumber", "an order with orderNumber " + o.getString("orderNumber") + " exists");
                return;
            }
            checked.add(o);
        }
        JsonArray made = new JsonArray();
        LocalDateTime now = LocalDateTime.now(clock);
        for (JsonObject o : checked) {
            JsonObject deal = o.copy();
            deal.remove("matching");
            deal.put("lead", link(o.getJsonArray("matching")));
            JsonObject d = data.addDeal(deal, now);
            made.add(new JsonObject().put("calltouchOrderId", d.getLong("calltouchOrderId")).put("orderNumber", d.getString("orderNumber")));
        }
        writes.reply(ctx, 200, new JsonObject().put("data", new JsonObject().put("orders", made)));
    }

    private void handleUpdate(RoutingContext ctx, WriteReply writes) {
        JsonArray orders = orders(ctx);
        if (orders == null) return;
        for (int i = 0; i < orders.size(); i++) {
            JsonObject o = orders.getJsonObject(i);
            if (!valid(ctx, o, i)) return;
            if (data.deal(o.getString("orderNumber")).isEmpty()) {
                refuse(ctx, "orders." + i + ".orderNumber", "no order with orderNumber " + o.getString("orderNumber"));
                return;
            }
        }
        JsonArray changed = new JsonArray();
        for (int i = 0; i < orders.size(); i++) {
            JsonObject o = orders.getJsonObject(i);
            boolean rematch = o.getValue("reMatching") instanceof JsonArray;
            JsonObject d = data.changeDeal(o.getString("orderNumber"), o, rematch).orElseThrow();
            if (rematch) data.changeDeal(o.getString("orderNumber"), new JsonObject().put("lead", link(o.getJsonArray("reMatching"))), false);
            changed.add(new JsonObject().put("calltouchOrderId", d.getLong("calltouchOrderId")).put("orderNumber", d.getString("orderNumber")));
        }
        writes.reply(ctx, 200, new JsonObject().put("data", new JsonObject().put("orders", changed)));
    }

    /** The lead the first matching entry that finds one links, or null ({@code withoutSource}, nothing found). */
    private Object link(JsonArray matching) {
        for (Object e : matching) {
            if (!(e instanceof JsonObject m)) continue;
            String type = m.getString("type", "");
            JsonObject params = m.getValue(type + "Params") instanceof JsonObject p ? p : new JsonObject();
            Long id = params.getValue(type + "Id") instanceof Number n ? n.longValue() : null;
            if (type.equals("call") && id != null && data.hasCall(id)) return new JsonObject().put("type", "call").put("id", id);
            if (type.equals("request") && id != null && data.hasRequest(id)) return new JsonObject().put("type", "request").put("id", id);
            if (type.equals("withoutSource")) return null;
        }
        return null;
    }

    private static final Set<String> DATES = Set.of("statusDate", "orderDate", "updateDate");

    private boolean valid(RoutingContext ctx, JsonObject o, int i) {
        if (o == null || !(o.getValue("orderNumber") instanceof String n) || n.isBlank()) {
            refuse(ctx, "orders." + i + ".orderNumber", "orderNumber is required");
            return false;
        }
        Object revenue = o.getValue("revenue");
        if (revenue != null) {
            try {
                new BigDecimal(String.valueOf(revenue));
            } catch (NumberFormatException e) {
                refuse(ctx, "orders." + i + ".revenue", "revenue must be a number, got " + revenue);
                return false;
            }
        }
        for (String f : DATES) {
            if (o.getValue(f) == null) continue;
            try {
                LocalDateTime.parse(String.valueOf(o.getValue(f)), DEAL_TIME);
            } catch (DateTimeParseException e) {
                refuse(ctx, "orders." + i + "." + f, f + " must be dd-mm-yyyy HH:mm:ss, got " + o.getValue(f));
                return false;
            }
        }
        return true;
    }

    private JsonArray orders(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null || !(body.getValue("orders") instanceof JsonArray orders) || orders.isEmpty()) {
            refuse(ctx, "orders", "the body must be a JSON object with a non-empty orders list");
            return null;
        }
        for (Object o : orders) {
            if (!(o instanceof JsonObject)) {
                refuse(ctx, "orders", "every order must be an object");
                return null;
            }
        }
        return orders;
    }

    private void refuse(RoutingContext ctx, String field, String message) {
        JsonArray errors = new JsonArray().add(new JsonObject().put("field", field).put("message", message));
        if (pessimistic()) reply(ctx, 200, new JsonObject().put("data", new JsonObject().put("orders", new JsonArray())).put("errors", errors));
        else reply(ctx, 400, new JsonObject().put("errors", errors));
    }

    // ---- gate -------------------------------------------------------------------------------

    @Override
    protected void authenticate(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path.startsWith("/lead-service/")) {
            if (!authorised(ctx.request().getHeader("Access-Token"))) {
                reply(ctx, 401, new JsonObject().put("message", "invalid Access-Token"));
            } else if (!SITE_ID.equals(ctx.request().getHeader("SiteId"))) {
                reply(ctx, 403, new JsonObject().put("message", "SiteId header does not name this cabinet"));
            } else {
                ctx.next();
            }
            return;
        }
        if (authorised(ctx.queryParams().get("clientApiId"))) ctx.next();
        else reply(ctx, 401, new JsonObject().put("message", "invalid clientApiId"));
    }

    @Override
    protected void notFound(RoutingContext ctx) {
        reply(ctx, 404, new JsonObject().put("message", "no route " + ctx.request().method() + " " + ctx.request().path()));
    }

    @Override
    protected void overLimit(RoutingContext ctx, Duration retryAfter) {
        ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds(retryAfter)));
        reply(ctx, 429, new JsonObject().put("message", "too many requests"));
    }

    /** Journal paths keep the site id: group by route, not by number. */
    @Override
    protected String operation(RoutingContext ctx) {
        return ctx.request().method().name() + " " + ctx.request().path().replace("/" + SITE_ID + "/", "/{site}/");
    }

    @Override
    protected JsonObject seed(JsonObject request) {
        JsonObject calls = new JsonObject();
        for (Object o : request.getJsonArray("calls", new JsonArray())) {
            JsonObject c = (JsonObject) o;
            calls.put(c.getString("ref"), data.addCall(c.getString("callerNumber"), LocalDateTime.parse(c.getString("date"), SEED_TIME)));
        }
        JsonObject requests = new JsonObject();
        for (Object o : request.getJsonArray("requests", new JsonArray())) {
            JsonObject r = (JsonObject) o;
            requests.put(r.getString("ref"), data.addRequest(r.getString("phoneNumber"), r.getString("email"),
                    LocalDateTime.parse(r.getString("date"), SEED_TIME)));
        }
        return new JsonObject().put("calls", calls).put("requests", requests);
    }
}
