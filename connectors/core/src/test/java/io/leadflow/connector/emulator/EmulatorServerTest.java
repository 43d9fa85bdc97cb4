package io.leadflow.connector.emulator;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared emulator gate and admin endpoints, on a one-route emulator. */
class EmulatorServerTest extends EmulatorTestBase<EmulatorServerTest.ThingEmulator> {
    private WebClient web;

    /** One write route; over-limit is a 429 with Retry-After. */
    static final class ThingEmulator extends EmulatorServer {
        final AtomicInteger things = new AtomicInteger();

        ThingEmulator(Vertx vertx) {
            super(vertx, new RateLimit(3, Duration.ofMinutes(1), true, "test"));
        }

        @Override protected String connectorName() { return "thing"; }
        @Override protected String validKey() { return "k"; }
        @Override protected void routes(Router router) {
            router.post("/things").handler(ctx -> replyWrite(ctx, 201, new JsonObject().put("id", things.incrementAndGet())));
            router.get("/boom").handler(ctx -> { throw new IllegalStateException("bug"); });
        }
        @Override protected JsonObject records() { return new JsonObject().put("things", things.get()); }
        @Override protected void clearRecords() { things.set(0); }
        @Override protected void overLimit(RoutingContext ctx, Duration retryAfter) {
            ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds(retryAfter)));
            reply(ctx, 429, new JsonObject().put("message", "Too Many Attempts."));
        }
    }

    @Override
    protected Future<ThingEmulator> startEmulator(Vertx vertx) {
        web = WebClient.create(vertx);
        return new ThingEmulator(vertx).start(0).map(e -> (ThingEmulator) e);
    }

    private void reset() {
        Await.result(web.delete(emulator.port(), "127.0.0.1", "/__emulator/state").send());
    }

    private HttpResponse<Buffer> post() {
        return Await.result(web.post(emulator.port(), "127.0.0.1", "/things").send());
    }

    private HttpResponse<Buffer> faults(String json) {
        return Await.result(web.post(emulator.port(), "127.0.0.1", "/__emulator/faults").sendBuffer(Buffer.buffer(json)));
    }

    @Test
    void startingAnEmulator_leavesNoUploadsFolderInTheWorkingDirectory() throws Exception {
        java.nio.file.Path uploads = java.nio.file.Path.of("file-uploads");
        java.nio.file.Files.deleteIfExists(uploads);
        ThingEmulator another = Await.result(new ThingEmulator(vertx).start(0).map(e -> (ThingEmulator) e));
        try {
            // form posts are what make Vert.x's default body handler create its uploads folder
            io.vertx.core.MultiMap form = io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("method", "addOrder");
            assertEquals(201, Await.result(web.post(another.port(), "127.0.0.1", "/things").sendForm(form)).statusCode());
            assertFalse(java.nio.file.Files.exists(uploads), "serve --sandbox must not litter the user's folder");
        } finally {
            Await.result(another.stop());
        }
    }

    @Test
    void failNext_answersTheStatusWithRetryAfter_thenRecovers() {
        faults("{\"failNext\": 2, \"status\": 503, \"retryAfter\": 10}");
        HttpResponse<Buffer> first = post();
        assertEquals(503, first.statusCode());
        assertEquals("10", first.getHeader("Retry-After"));
        assertEquals(503, post().statusCode());
        assertEquals(201, post().statusCode());
    }

    @Test
    void downForSeconds_failsEveryCallMeanwhile() {
        faults("{\"downForSeconds\": 30}");
        for (int i = 0; i < 5; i++) assertEquals(503, post().statusCode());
        assertEquals(0, emulator.things.get());
    }

    @Test
    void downForSeconds_readsZeroWhenNoOutageIsSet_andTheSecondsLeftWhenOneIs() {
        JsonObject none = faults("{}").bodyAsJsonObject();
        assertEquals(0L, none.getLong("downForSeconds"), "no outage set: was about 9.2e9 from an overflow");
        JsonObject set = faults("{\"downForSeconds\": 30}").bodyAsJsonObject();
        assertTrue(set.getLong("downForSeconds") > 28 && set.getLong("downForSeconds") <= 30, set.encode());
        reset();
        JsonObject state = Await.result(web.get(emulator.port(), "127.0.0.1", "/__emulator/state").send()).bodyAsJsonObject();
        assertEquals(0L, state.getJsonObject("faults").getLong("downForSeconds"), "a reset clears the outage");
    }

    @Test
    void mode_isPessimisticOnRequest_survivesAReset_andABadModeIsA400() {
        assertEquals("optimistic", state().getString("mode"));
        HttpResponse<Buffer> set = Await.result(web.put(emulator.port(), "127.0.0.1", "/__emulator/mode")
                .sendJsonObject(new JsonObject().put("mode", "pessimistic")));
        assertEquals(200, set.statusCode());
        assertEquals(EmulatorMode.PESSIMISTIC, emulator.mode());
        reset();
        assertEquals("pessimistic", state().getString("mode"), "the mode is configuration, not a fault");
        assertEquals(400, Await.result(web.put(emulator.port(), "127.0.0.1", "/__emulator/mode")
                .sendJsonObject(new JsonObject().put("mode", "gloomy"))).statusCode());
    }

    @Test
    void rateLimit_isTheDocumentedOne_notADescriptorsConstant() {
        ConnectorDescriptor lax = new ConnectorDescriptor("thing", "Thing", Set.of(), Map.of(), new RateLimit(1000, Duration.ofSeconds(1), false, "adapter"));
        RestThing rest = Await.result(new RestThing(vertx, lax).start(0).map(e -> (RestThing) e));
        try {
            for (int i = 0; i < 2; i++) assertEquals(200, Await.result(web.get(rest.port(), "127.0.0.1", "/v1/x").send()).statusCode());
            assertEquals(429, Await.result(web.get(rest.port(), "127.0.0.1", "/v1/x").send()).statusCode(),
                    "the reference's 2/min holds whatever the adapter's descriptor says");
        } finally {
            Await.result(rest.stop());
        }
    }

    /** An {@link ApiEmulator} whose documented limit (2/min) differs from its descriptor's. */
    static final class RestThing extends ApiEmulator<RestThing.Nothing> {
        static final class Nothing implements EmulatorRecords {
            @Override public JsonObject snapshot() { return new JsonObject(); }
            @Override public void clear() { }
        }

        RestThing(Vertx vertx, ConnectorDescriptor descriptor) {
            super(vertx, descriptor, new RateLimit(2, Duration.ofMinutes(1), true, "reference"), new Nothing(), "k", "/v1", Map.of());
        }

        @Override protected void authenticate(RoutingContext ctx) { ctx.next(); }
        @Override protected void mount(Router api, WriteReply writes) { api.get("/x").handler(ctx -> reply(ctx, 200, new JsonObject())); }
        @Override protected void notFound(RoutingContext ctx) { reply(ctx, 404, new JsonObject()); }
        @Override protected void overLimit(RoutingContext ctx, Duration retryAfter) { reply(ctx, 429, new JsonObject()); }
    }

    private JsonObject state() {
        return Await.result(web.get(emulator.port(), "127.0.0.1", "/__emulator/state").send()).bodyAsJsonObject();
    }

    @Test
    void commitThenDrop_performsTheWriteButDropsTheAnswer() {
        faults("{\"commitThenDrop\": 1}");
        assertThrows(AssertionError.class, this::post);
        assertEquals(1, emulator.things.get());
        assertEquals(201, post().statusCode());
    }

    @Test
    void delayMs_slowsEveryCall() {
        faults("{\"delayMs\": 150}");
        long start = System.nanoTime();
        post();
        assertTrue(System.nanoTime() - start >= 150_000_000L);
    }

    @Test
    void rateLimit_answersTheCrmsOwnOverLimitSignal() {
        for (int i = 0; i < 3; i++) assertEquals(201, post().statusCode());
        HttpResponse<Buffer> over = post();
        assertEquals(429, over.statusCode());
        assertTrue(Long.parseLong(over.getHeader("Retry-After")) >= 59);
        assertEquals(1, emulator.overLimitAnswers());
    }

    @Test
    void state_showsRecordsCountersAndFaults_andResetClearsThem() {
        post();
        post();
        JsonObject state = Await.result(web.get(emulator.port(), "127.0.0.1", "/__emulator/state").send()).bodyAsJsonObject();
        assertEquals(2, state.getJsonObject("records").getInteger("things"));
        assertEquals(2L, state.getJsonObject("requests").getLong("POST /things"));
        reset();
        assertEquals(0, emulator.counters().total());
        assertEquals(0, emulator.things.get());
    }

    @Test
    void handlerThatThrows_answers500InsteadOfHanging() {
        HttpResponse<Buffer> r = Await.result(web.get(emulator.port(), "127.0.0.1", "/boom").send());
        assertEquals(500, r.statusCode());
        assertTrue(r.bodyAsJsonObject().getString("error").contains("IllegalStateException"));
    }

    @Test
    void badFaultRequest_isA400_andSeedingWithoutSupportIsA501() {
        assertEquals(400, faults("{\"failNext\": -1}").statusCode());
        assertEquals(400, faults("not json").statusCode());
        assertEquals(501, Await.result(web.post(emulator.port(), "127.0.0.1", "/__emulator/seed").sendJsonObject(new JsonObject())).statusCode());
    }
}
