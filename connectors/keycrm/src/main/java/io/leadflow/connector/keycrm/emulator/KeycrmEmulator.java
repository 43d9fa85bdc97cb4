package io.leadflow.connector.keycrm.emulator;

import io.leadflow.connector.emulator.EmulatorServer;
import io.leadflow.connector.keycrm.KeycrmSchema;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * KeyCRM OpenAPI v1 on loopback: {@code /v1/...} with {@code Authorization: Bearer}, JSON bodies,
 * Laravel-style page objects, 401 {@code {message}}, 422 {@code {message, errors}} [U shape],
 * 60 requests per minute per key answered past the limit with 429 + {@code Retry-After} [P].
 * Records live in {@link KeycrmData}; seed them with {@code POST /__emulator/seed} or {@link #data()}.
 */
public final class KeycrmEmulator extends EmulatorServer {
    public static final String TEST_KEY = "keycrm-test-key";
    private final KeycrmData data;

    public KeycrmEmulator(Vertx vertx, Clock clock) {
        super(vertx, KeycrmSchema.RATE_LIMIT);
        this.data = new KeycrmData(clock);
    }

    public KeycrmData data() {
        return data;
    }

    @Override
    protected String connectorName() {
        return KeycrmSchema.DESCRIPTOR.name();
    }

    @Override
    protected String validKey() {
        return TEST_KEY;
    }

    /** The emulated account's Shop-Express source (seed 001: the source is chosen in the settings). */
    @Override
    protected Map<String, String> accountSettings() {
        return Map.of("source_id", "3");
    }

    @Override
    protected void routes(Router router) {
        Router api = Router.router(vertx);
        api.route().handler(this::authenticate);
        Writes writes = this::replyWrite;
        new ReferenceRoutes(data).mount(api);
        new BuyerRoutes(data, writes).mount(api);
        new OrderRoutes(data, writes).mount(api);
        new PipelineRoutes(data, writes).mount(api);
        api.route().handler(ctx -> KeycrmReplies.message(ctx, 404, "Not found"));
        router.route("/v1/*").subRouter(api);
    }

    private void authenticate(RoutingContext ctx) {
        if (authorised(bearer(ctx))) ctx.next();
        else KeycrmReplies.message(ctx, 401, "Unauthenticated.");
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
    }

    /** 429 with {@code Retry-After} in seconds, the body Laravel's throttle middleware gives [P]. */
    @Override
    protected void overLimit(RoutingContext ctx, Duration retryAfter) {
        ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds(retryAfter)));
        KeycrmReplies.message(ctx, 429, "Too Many Attempts.");
    }

    /** The limit is per API key (and IP, which is always loopback here). */
    @Override
    protected String rateKey(RoutingContext ctx) {
        String auth = ctx.request().getHeader("Authorization");
        return auth == null ? "" : auth;
    }

    /** Counters group calls by route: {@code PUT /v1/order/{id}}. */
    @Override
    protected String operation(RoutingContext ctx) {
        return ctx.request().method().name() + " " + ctx.request().path().replaceAll("/[0-9]+(?=/|$)", "/{id}");
    }

    @Override
    protected JsonObject records() {
        return data.snapshot();
    }

    @Override
    protected void clearRecords() {
        data.clear();
    }

    @Override
    protected JsonObject seed(JsonObject request) {
        return new KeycrmSeeder(data).seed(request);
    }
}
