package io.leadflow.connector.keycrm.emulator;

import io.leadflow.connector.emulator.ApiEmulator;
import io.leadflow.connector.emulator.WriteReply;
import io.leadflow.connector.keycrm.KeycrmSchema;
import io.leadflow.spi.RateLimit;
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
 * The emulated account's Shop-Express source is 3 (seed 001: the source is chosen in the settings).
 */
public final class KeycrmEmulator extends ApiEmulator<KeycrmData> {
    public static final String TEST_KEY = "keycrm-test-key";
    /** crm-apis.md §2 [C, spec description]: "up to 60 requests per minute from one IP address per API key". */
    public static final RateLimit DOCUMENTED_LIMIT = new RateLimit(60, Duration.ofMinutes(1), true, "crm-apis.md §2 (KeyCRM OpenAPI 1.2.0)");

    private final KeycrmTriggers triggers;
    private final StatusMoves moves;

    public KeycrmEmulator(Vertx vertx, Clock clock) {
        super(vertx, KeycrmSchema.DESCRIPTOR, DOCUMENTED_LIMIT, new KeycrmData(clock), TEST_KEY, "/v1", Map.of("source_id", "3"));
        this.triggers = new KeycrmTriggers(vertx);
        this.moves = new StatusMoves(data, triggers);
    }

    /** The trigger automation ("Send Webhook" on status changes). */
    public KeycrmTriggers triggers() {
        return triggers;
    }

    @Override
    protected void mount(Router api, WriteReply writes) {
        new ReferenceRoutes(data).mount(api);
        new BuyerRoutes(data, writes).mount(api);
        new OrderRoutes(data, writes, moves, this::pessimistic).mount(api);
        new PipelineRoutes(data, writes, moves, this::pessimistic).mount(api);
        new CatalogRoutes(data.catalog(), this::pessimistic).mount(api);
    }

    /**
     * What a KeyCRM user does in the UI: {@code POST /__emulator/triggers} adds a trigger
     * ({@link KeycrmTriggers#add}), {@code GET} lists triggers and deliveries;
     * {@code POST /__emulator/orders/{id}/status} and {@code /__emulator/cards/{id}/status} with
     * {@code {"status_id": n}} are a manager moving an order or a card, which fires the triggers.
     */
    @Override
    protected void adminRoutes(Router router) {
        new ManagerRoutes(data, moves, triggers).mount(router);
    }

    @Override
    protected void notFound(RoutingContext ctx) {
        KeycrmReplies.message(ctx, 404, "Not found");
    }

    @Override
    protected void authenticate(RoutingContext ctx) {
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

    @Override
    protected JsonObject seed(JsonObject request) {
        return new KeycrmSeeder(data).seed(request);
    }
}
