package io.leadflow.connector.keepincrm.emulator;

import io.leadflow.connector.emulator.ApiEmulator;
import io.leadflow.connector.emulator.WriteReply;
import io.leadflow.connector.keepincrm.KeepinCrmSchema;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * KeepinCRM's API v1 on loopback, from the reference (crm-apis.md §4): {@code X-Auth-Token},
 * JSON bodies, {@code /v1/clients}, {@code /v1/agreements}, {@code /v1/tasks}, 201 on create,
 * 422 {@code {"errors":{field:[…]}}}, 401 {@code {"errors":["Invalid auth token"]}}, lists as
 * {@code {"items":[…], "pagination":{…}}} [P].
 *
 * <p>Assumptions [U], each a guess the real API may not share: Ransack-style filters
 * ({@link RansackQuery}); 20 items per page, oldest first; stages listed at {@code GET /v1/stages}
 * with {@code result} null / {@code "success"} / {@code "failure"}; agreement custom fields
 * {@code field_1043}, {@code field_1044}, {@code field_1050}, listed at {@code GET /v1/custom_fields} as
 * {@code {id, name: "field_<id>", title, field_type, model: "Agreement"}}; task link fields {@code agreement_id},
 * {@code client_id}, {@code main_responsible_id} and {@code due_date}; a limit of 60 requests per
 * minute per token, answered with 429 + Retry-After.
 *
 * <p>Pessimistic mode ({@link io.leadflow.connector.emulator.EmulatorMode}): every {@code q[…]}
 * condition is ignored, as Ransack does with conditions it does not know (the whole list comes
 * back), and lists come newest first. {@link #dropTopLevelClientId(boolean)} plays one more [U]
 * guess in either mode: a top-level {@code client_id} on an agreement is dropped as an unknown
 * attribute (the reference names only {@code client_attributes}).
 */
public final class KeepinCrmEmulator extends ApiEmulator<KeepinCrmStore> {
    public static final String TOKEN = "emulator-keepin-token";
    public static final RateLimit LIMIT = new RateLimit(60, Duration.ofMinutes(1), false, "assumed");
    static final int PER_PAGE = 20;

    private final KeepinCrmStore store;
    private final JsonArray stages = new JsonArray()
            .add(stage(1, "New", null)).add(stage(2, "In progress", null))
            .add(stage(5, "Won", "success")).add(stage(6, "Lost", "failure"));
    private final Set<Integer> stageIds = Set.of(1, 2, 5, 6);
    /** Agreement custom field definitions, served at {@code GET /v1/custom_fields} [U: route and item shape assumed]. */
    private final JsonArray customFieldList = new JsonArray()
            .add(customField(1043, "UTM source")).add(customField(1044, "UTM campaign")).add(customField(1050, "Leadflow marker"));
    private final Set<String> customFields = Set.of("field_1043", "field_1044", "field_1050");

    private volatile boolean dropTopLevelClientId;

    public KeepinCrmEmulator(Vertx vertx) {
        super(vertx, KeepinCrmSchema.DESCRIPTOR, LIMIT, new KeepinCrmStore(), TOKEN, "/v1", Map.of());
        this.store = data;
    }

    /** Whether a top-level {@code client_id} on {@code POST /v1/agreements} is dropped (left unlinked) [U]. */
    public void dropTopLevelClientId(boolean drop) {
        this.dropTopLevelClientId = drop;
    }

    @Override
    protected String rateKey(RoutingContext ctx) {
        String t = ctx.request().getHeader("X-Auth-Token");
        return t == null ? "" : t;
    }

    @Override
    protected void overLimit(RoutingContext ctx, Duration retryAfter) {
        ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds(retryAfter)));
        reply(ctx, 429, new JsonObject().put("errors", new JsonArray().add("Rate limit exceeded")));
    }

    @Override
    protected void mount(Router router, WriteReply writes) {
        router.get("/stages").handler(ctx -> reply(ctx, 200, page(stages.getList(), 1)));
        router.get("/custom_fields").handler(ctx -> reply(ctx, 200, page(customFieldList.getList(), 1)));
        router.get("/clients/statuses").handler(ctx -> reply(ctx, 200, page(List.of(new JsonObject().put("id", 1).put("title", "New")), 1)));
        router.get("/clients").handler(ctx -> list(ctx, "clients"));
        router.get("/agreements").handler(ctx -> list(ctx, "agreements"));
        router.get("/tasks").handler(ctx -> list(ctx, "tasks"));
        router.get("/clients/:id").handler(ctx -> one(ctx, store.client(ctx.pathParam("id"))));
        router.get("/agreements/:id").handler(ctx -> one(ctx, store.agreement(ctx.pathParam("id"))));
        router.post("/clients").handler(ctx -> create(ctx, b -> KeepinCrmRules.client(b, true), b -> store.addClient(b, Instant.now())));
        router.post("/agreements").handler(ctx -> create(ctx,
                b -> KeepinCrmRules.agreement(b, true, stageIds, customFields, store), b -> {
                    if (dropTopLevelClientId) b.remove("client_id");
                    return store.addAgreement(b, Instant.now());
                }));
        router.post("/tasks").handler(ctx -> create(ctx, b -> KeepinCrmRules.task(b, store), b -> store.addTask(b, Instant.now())));
        router.route("/clients/:id").method(io.vertx.core.http.HttpMethod.PATCH).method(io.vertx.core.http.HttpMethod.PUT)
                .handler(ctx -> update(ctx, store.client(ctx.pathParam("id")), b -> KeepinCrmRules.client(b, false)));
        router.patch("/agreements/:id").handler(ctx -> update(ctx, store.agreement(ctx.pathParam("id")),
                b -> KeepinCrmRules.agreement(b, false, stageIds, customFields, store)));
    }

    @Override
    protected void notFound(RoutingContext ctx) {
        reply(ctx, 404, new JsonObject().put("errors", new JsonArray().add("Not found")));
    }

    @Override
    protected void authenticate(RoutingContext ctx) {
        if (authorised(ctx.request().getHeader("X-Auth-Token"))) ctx.next();
        else reply(ctx, 401, new JsonObject().put("errors", new JsonArray().add("Invalid auth token")));
    }

    private void list(RoutingContext ctx, String kind) {
        RansackQuery q;
        try {
            q = RansackQuery.parse(ctx.queryParams());
        } catch (IllegalArgumentException e) {
            reply(ctx, 400, new JsonObject().put("errors", new JsonArray().add(e.getMessage())));
            return;
        }
        int pageNo = Math.max(1, parseInt(ctx.queryParams().get("page")));
        List<JsonObject> all = store.list(kind, pessimistic() ? RansackQuery.NONE : q);
        if (pessimistic()) java.util.Collections.reverse(all);
        reply(ctx, 200, page(all, pageNo));
    }

    private static JsonObject page(List<?> all, int pageNo) {
        int from = Math.min(all.size(), (pageNo - 1) * PER_PAGE);
        int to = Math.min(all.size(), from + PER_PAGE);
        int pages = Math.max(1, (all.size() + PER_PAGE - 1) / PER_PAGE);
        return new JsonObject().put("items", new JsonArray(List.copyOf(all.subList(from, to))))
                .put("pagination", new JsonObject().put("current_page", pageNo).put("total_pages", pages)
                        .put("total_count", all.size()).put("per_page", PER_PAGE));
    }

    private void one(RoutingContext ctx, JsonObject record) {
        if (record == null) reply(ctx, 404, new JsonObject().put("errors", new JsonArray().add("Not found")));
        else reply(ctx, 200, record.copy());
    }

    private JsonObject body(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.startsWith("application/json")) return null;
        try {
            return ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void create(RoutingContext ctx, Function<JsonObject, KeepinCrmRules.Problem> rules, Function<JsonObject, JsonObject> save) {
        JsonObject b = body(ctx);
        if (b == null) {
            reply(ctx, 400, new JsonObject().put("errors", new JsonArray().add("Body must be a JSON object")));
            return;
        }
        KeepinCrmRules.Problem p = rules.apply(b);
        if (p != null) reply(ctx, 422, p.body());
        else replyWrite(ctx, 201, save.apply(b));
    }

    private void update(RoutingContext ctx, JsonObject record, Function<JsonObject, KeepinCrmRules.Problem> rules) {
        if (record == null) {
            reply(ctx, 404, new JsonObject().put("errors", new JsonArray().add("Not found")));
            return;
        }
        JsonObject b = body(ctx);
        if (b == null) {
            reply(ctx, 400, new JsonObject().put("errors", new JsonArray().add("Body must be a JSON object")));
            return;
        }
        KeepinCrmRules.Problem p = rules.apply(b);
        if (p != null) reply(ctx, 422, p.body());
        else replyWrite(ctx, 200, store.patch(record, b, Instant.now()));
    }

    @Override
    protected JsonObject seed(JsonObject request) {
        return KeepinCrmSeeder.seed(request, store);
    }

    private static JsonObject customField(int id, String title) {
        return new JsonObject().put("id", id).put("name", "field_" + id).put("title", title)
                .put("field_type", "string").put("model", "Agreement");
    }

    private static JsonObject stage(int id, String title, String result) {
        return new JsonObject().put("id", id).put("funnel_id", 1).put("title", title).put("result", result);
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 1 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Stage ids by status group, for seeding: open → 1, completed → 5, cancelled → 6. */
    static final Map<String, Integer> STAGE_OF_GROUP = Map.of("open", 1, "completed", 5, "cancelled", 6);
}
