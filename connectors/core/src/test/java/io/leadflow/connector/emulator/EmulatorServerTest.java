package io.leadflow.connector.emulator;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
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
