package io.leadflow.connector.mindbox.emulator;

import io.leadflow.connector.emulator.ApiEmulator;
import io.leadflow.connector.emulator.WriteReply;
import io.leadflow.connector.mindbox.MindboxSchema;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;

/**
 * Mindbox API v3 on loopback (crm-apis section 5): {@code POST /v3/operations/sync} and
 * {@code /async} with {@code endpointId}, {@code operation} and optional {@code deviceUUID} in the
 * query [C]; {@code Authorization: SecretKey <secret>} or the legacy {@code Mindbox secretKey="…"}
 * [C], checked for this endpoint's secret, else HTTP 401 [C: the SDK maps 401]; a JSON body
 * ({@code Content-Type: application/json}); every operation by its configured name (the project's
 * names: the Bitrix defaults, more through {@code POST /__emulator/setup}); answers HTTP 200 with
 * {@code status} [C]. An unknown operation or endpoint is HTTP 400 with {@code errorMessage} and
 * {@code errorId} [U: the status]. {@code /bulk} (CSV) is not emulated (400).
 *
 * <p>Asynchronous calls answer only {@code {"status": "Success"}} [C: the SDK reads nothing else];
 * the work is done at once, or 300 ms later in pessimistic mode [U]. Over the limit: HTTP 429 [C
 * SDK mapping] with {@code Retry-After} (none in pessimistic mode [U]). Mindbox documents no general
 * rate limit [U]; the emulator holds none below 1,000 requests per second. Pessimistic mode also:
 * an import's answer carries no ids, a calculation's lines come in reverse order, an anonymous
 * order's calculation has no bonus block, a second begin of a transaction is a {@code ProtocolError}
 * (see {@link MindboxData}).
 *
 * <p>{@code GET /__emulator/state} shows customers (with {@code bonus}), saved orders, transactions
 * with their commit and rollback counts, the totals {@code commits} / {@code rollbacks}, the number
 * of calculations and which single-use promo codes were used.
 */
public final class MindboxEmulator extends ApiEmulator<MindboxData> {
    public static final String TEST_KEY = "mindbox-test-secret";
    public static final String ENDPOINT = "leadflow-sandbox";
    /** crm-apis section 5: no general limit is documented [U]; nothing is enforced below this. */
    public static final RateLimit DOCUMENTED_LIMIT = new RateLimit(1000, Duration.ofSeconds(1), false,
            "crm-apis.md section 5: general rate limits unconfirmed; the emulator enforces none below 1000/s");
    private static final long PESSIMISTIC_ASYNC_DELAY_MS = 300;

    public MindboxEmulator(Vertx vertx) {
        super(vertx, MindboxSchema.DESCRIPTOR, DOCUMENTED_LIMIT, new MindboxData(), TEST_KEY, "/v3/operations",
                Map.of("endpoint_id", ENDPOINT));
    }

    @Override
    protected void mount(Router api, WriteReply writes) {
        api.post("/sync").handler(ctx -> operation(ctx, writes, false));
        api.post("/async").handler(ctx -> operation(ctx, writes, true));
        api.post("/bulk").handler(ctx -> error(ctx, 400, "bulk import is not emulated"));
    }

    /**
     * Faults of one named operation, on top of the shared fault switch: {@code {"operation":
     * "Website.CommitOrderTransaction", "drop": 1}} performs its next call and closes the connection
     * without an answer; {@code "fail": N, "status": 503} answers its next N calls with the status
     * before doing anything.
     */
    public synchronized void operationFault(String operation, int drop, int fail, int status) {
        dropNext.put(operation, drop);
        failNext.put(operation, new int[] {fail, status});
    }

    private final Map<String, Integer> dropNext = new java.util.HashMap<>();
    private final Map<String, int[]> failNext = new java.util.HashMap<>();

    private synchronized boolean takeDrop(String operation) {
        Integer n = dropNext.get(operation);
        if (n == null || n <= 0) return false;
        dropNext.put(operation, n - 1);
        return true;
    }

    private synchronized int takeFail(String operation) {
        int[] f = failNext.get(operation);
        if (f == null || f[0] <= 0) return 0;
        f[0]--;
        return f[1];
    }

    @Override
    public void reset() {
        super.reset();
        synchronized (this) {
            dropNext.clear();
            failNext.clear();
        }
    }

    @Override
    protected void adminRoutes(Router router) {
        router.post("/__emulator/operation-faults").handler(ctx -> {
            try {
                JsonObject f = ctx.body().asJsonObject();
                operationFault(f.getString("operation"), f.getInteger("drop", 0), f.getInteger("fail", 0), f.getInteger("status", 503));
                reply(ctx, 200, f);
            } catch (RuntimeException e) {
                reply(ctx, 400, new JsonObject().put("error", "bad operation fault: " + e.getMessage()));
            }
        });
        router.post("/__emulator/setup").handler(ctx -> {
            try {
                reply(ctx, 200, data.setup(ctx.body().asJsonObject()));
            } catch (RuntimeException e) {
                reply(ctx, 400, new JsonObject().put("error", "bad setup request: " + e.getMessage()));
            }
        });
    }

    private void operation(RoutingContext ctx, WriteReply writes, boolean async) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            error(ctx, 400, "Content-Type must be application/json");
            return;
        }
        String name = ctx.request().getParam("operation");
        int failStatus = takeFail(name);
        if (failStatus > 0) {
            reply(ctx, failStatus, new JsonObject().put("error", "emulated fault"));
            return;
        }
        Kind kind = data.operation(name);
        if (kind == null) {
            error(ctx, 400, "Operation '" + ctx.request().getParam("operation") + "' is not configured for endpoint " + ENDPOINT);
            return;
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null) {
            error(ctx, 400, "The request body is not a JSON object");
            return;
        }
        if (async) {
            JsonObject request = body;
            boolean pessimistic = pessimistic();
            if (pessimistic) vertx.setTimer(PESSIMISTIC_ASYNC_DELAY_MS, id -> data.process(kind, request, true));
            else data.process(kind, request, false);
            answer(ctx, writes, kind, new JsonObject().put("status", "Success"), 200);
            return;
        }
        MindboxData.Answer a = data.process(kind, body, pessimistic());
        answer(ctx, writes, kind, a.body(), a.http());
    }

    private void answer(RoutingContext ctx, WriteReply writes, Kind kind, JsonObject body, int status) {
        if (takeDrop(ctx.request().getParam("operation"))) {
            ctx.request().connection().close();
            return;
        }
        if (kind.writes()) writes.reply(ctx, status, body);
        else reply(ctx, status, body);
    }

    /** Endpoint and secret [C: each endpointId has its own secret]; the secret in either scheme. */
    @Override
    protected void authenticate(RoutingContext ctx) {
        String endpoint = ctx.request().getParam("endpointId");
        if (endpoint == null || endpoint.isBlank()) {
            error(ctx, 400, "endpointId is required");
            return;
        }
        if (!ENDPOINT.equals(endpoint)) {
            error(ctx, 400, "Endpoint '" + endpoint + "' not found");
            return;
        }
        String auth = ctx.request().getHeader("Authorization");
        String secret = null;
        if (auth != null && auth.startsWith("SecretKey ")) secret = auth.substring("SecretKey ".length()).trim();
        else if (auth != null && auth.startsWith("Mindbox secretKey=\"") && auth.endsWith("\"")) {
            secret = auth.substring("Mindbox secretKey=\"".length(), auth.length() - 1);
        }
        if (!authorised(secret)) {
            error(ctx, 401, auth == null ? "Authorization header is required" : "Invalid secret key for endpoint " + endpoint);
            return;
        }
        ctx.next();
    }

    @Override
    protected void notFound(RoutingContext ctx) {
        error(ctx, 404, "Not found: " + ctx.request().path());
    }

    @Override
    protected void overLimit(RoutingContext ctx, Duration retryAfter) {
        if (!pessimistic()) ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds(retryAfter)));
        error(ctx, 429, "Too many requests");
    }

    /** Counters group calls by the operation's name: {@code POST sync Website.CommitOrderTransaction}. */
    @Override
    protected String operation(RoutingContext ctx) {
        String path = ctx.request().path();
        String mode = path.substring(path.lastIndexOf('/') + 1);
        return ctx.request().method().name() + " " + mode + " " + ctx.request().getParam("operation");
    }

    /** The SDK's error body: {@code errorMessage}, {@code errorId}, {@code httpStatusCode} [C SDK]. */
    private void error(RoutingContext ctx, int status, String message) {
        reply(ctx, status, new JsonObject().put("status", "ProtocolError").put("errorMessage", message)
                .put("errorId", "emu-" + Integer.toHexString(message.hashCode())).put("httpStatusCode", status));
    }
}
