package io.leadflow.connector.retailcrm.emulator;

import io.leadflow.connector.emulator.ApiEmulator;
import io.leadflow.connector.emulator.WriteReply;
import io.leadflow.connector.retailcrm.RetailcrmSchema;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * RetailCRM API v5 on loopback: {@code /api/v5/...}, key in {@code X-API-KEY} or {@code apiKey};
 * GET filters in brackets; POST form-encoded with the entity as JSON in one field plus
 * {@code site}/{@code by}; {@code {success, errorMsg, errors}} envelopes; two stores, so writes
 * need {@code site}; 10 requests per second per key, answered past the limit with HTTP 503 [C]
 * (no {@code Retry-After}: none is documented [U]).
 */
public final class RetailcrmEmulator extends ApiEmulator<RetailcrmData> {
    public static final String TEST_KEY = "retailcrm-test-key";
    /** crm-apis.md §1 [C, official Go client rate.go]: 10 requests per second per key (telephony's 40/s not emulated). */
    public static final RateLimit DOCUMENTED_LIMIT = new RateLimit(10, Duration.ofSeconds(1), true, "crm-apis.md §1 (api-client-go)");

    public RetailcrmEmulator(Vertx vertx, Clock clock) {
        super(vertx, RetailcrmSchema.DESCRIPTOR, DOCUMENTED_LIMIT, new RetailcrmData(clock), TEST_KEY, "/api/v5", Map.of("site", "shop1"));
    }

    @Override
    protected void mount(Router api, WriteReply writes) {
        new ReferenceRoutes(data).mount(api);
        new HistoryRoutes(data).mount(api); // before /orders/:id and /customers/:id
        new CustomerRoutes(data, writes, this::pessimistic).mount(api);
        new OrderRoutes(data, writes, this::pessimistic).mount(api);
        new TaskRoutes(data, writes).mount(api);
    }

    @Override
    protected void notFound(RoutingContext ctx) {
        RetailcrmReplies.error(ctx, 404, "API method not found");
    }

    /** Key in the header or as {@code apiKey} (query or form) [C]; wrong key → 403 [C: Go client test]; missing → 403 [U status]. */
    @Override
    protected void authenticate(RoutingContext ctx) {
        String key = apiKey(ctx);
        if (key == null) RetailcrmReplies.error(ctx, 403, "\"apiKey\" is missing.");
        else if (!authorised(key)) RetailcrmReplies.error(ctx, 403, "Wrong \"apiKey\" value.");
        else ctx.next();
    }

    static String apiKey(RoutingContext ctx) {
        String header = ctx.request().getHeader("X-API-KEY");
        return header != null ? header : ctx.request().getParam("apiKey");
    }

    @Override
    protected void overLimit(RoutingContext ctx, Duration retryAfter) {
        RetailcrmReplies.error(ctx, 503, "Too many requests");
    }

    @Override
    protected String rateKey(RoutingContext ctx) {
        String key = apiKey(ctx);
        return key == null ? "" : key;
    }

    @Override
    protected JsonObject seed(JsonObject request) {
        return new RetailcrmSeeder(data).seed(request);
    }
}
