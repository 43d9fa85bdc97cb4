package io.leadflow.connector.http;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.ratelimit.ManualTimers;
import io.leadflow.connector.ratelimit.RateLimits;
import io.leadflow.connector.ratelimit.TokenBucket;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.RateLimit;
import io.leadflow.spi.error.AuthException;
import io.leadflow.spi.error.ConnectorException;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.error.RetryableException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The retryable / in-doubt / auth / permanent line, against a real loopback server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrmHttpTest {
    private Vertx vertx;
    private HttpServer server;
    private volatile Consumer<HttpServerRequest> behaviour;
    private final ManualTimers timers = new ManualTimers();
    private final TokenBucket bucket = new TokenBucket(timers, 1000, Duration.ofSeconds(1), Duration.ZERO);
    private CrmHttp http;

    private static final ResponseMapper MAPPER = new ResponseMapper() {
        @Override
        public PermanentException rejected(CrmResponse r) {
            JsonObject b = r.jsonObject();
            return new PermanentException(b.getString("message"), b.getString("field"), r.status());
        }

        @Override
        public Optional<ConnectorException> envelopeError(CrmResponse r) {
            JsonObject b = r.jsonObject();
            return b != null && "slow down".equals(b.getString("error"))
                    ? Optional.of(new RetryableException("slow", 200, Duration.ofSeconds(7), null)) : Optional.empty();
        }

        @Override
        public Duration retryAfterWithoutHeader(CrmResponse r) {
            return r.status() == 503 ? Duration.ofSeconds(1) : null;
        }
    };

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        server = Await.result(vertx.createHttpServer().requestHandler(r -> behaviour.accept(r)).listen(0, "127.0.0.1"));
        http = new CrmHttp(vertx, "http://127.0.0.1:" + server.actualPort() + "/", bucket, Duration.ofMillis(400), MAPPER, "test/main");
        // warm the client path once: on a cold, loaded JVM the first connect and write can take
        // longer than the 400 ms call timeout, and a write not yet written is not in doubt
        // (a client of its own with a long timeout: it loads what every client uses)
        behaviour = answer(200, "{}", null);
        CrmHttp warm = new CrmHttp(vertx, "http://127.0.0.1:" + server.actualPort(), bucket, Duration.ofSeconds(15), MAPPER, "test/warm");
        Await.result(warm.send(CrmRequest.get("/warm-up"), new CallCount()));
        Await.result(warm.send(post(), new CallCount()));
        Await.result(warm.close());
    }

    @AfterAll
    void stop() {
        Await.result(vertx.close());
    }

    private Throwable fail(CrmRequest request, Consumer<HttpServerRequest> b) {
        behaviour = b;
        return Await.failure(http.send(request, new CallCount()));
    }

    private static CrmRequest post() {
        return CrmRequest.json(HttpMethod.POST, "/v1/things?phone=%2B380", new JsonObject().put("a", 1), true);
    }

    private static Consumer<HttpServerRequest> answer(int status, String body, String retryAfter) {
        return r -> r.body().onSuccess(b -> {
            if (retryAfter != null) r.response().putHeader("Retry-After", retryAfter);
            r.response().setStatusCode(status).end(body);
        });
    }

    @Test
    void success_returnsTheAnswer_andCountsTheCall() {
        behaviour = answer(201, "{\"id\":5}", null);
        CallCount count = new CallCount();
        CrmResponse r = Await.result(http.send(post(), count));
        assertEquals(5, r.jsonObject().getInteger("id"));
        assertEquals(1, count.get());
    }

    @Test
    void noConnection_isRetryableWithStatusZero() {
        CrmHttp closed = new CrmHttp(vertx, "http://127.0.0.1:1", bucket, Duration.ofMillis(400), MAPPER, "test/closed");
        RetryableException e = Await.failure(closed.send(post(), new CallCount()), RetryableException.class);
        assertEquals(0, e.status());
    }

    @Test
    void writeWithoutAnswer_isInDoubt_butAReadIsRetryable() {
        assertInstanceOf(InDoubtException.class, fail(post(), r -> { }));
        assertInstanceOf(RetryableException.class, fail(CrmRequest.get("/v1/things"), r -> { }));
    }

    @Test
    void connectionDroppedAfterTheWrite_isInDoubt() {
        assertInstanceOf(InDoubtException.class, fail(post(), r -> r.body().onSuccess(b -> r.connection().close())));
    }

    @Test
    void unavailableWithRetryAfter_isRetryable_andPausesTheAccount() {
        RetryableException e = (RetryableException) fail(post(), answer(503, "", "2"));
        assertEquals(503, e.status());
        assertEquals(Duration.ofSeconds(2), e.retryAfter());
        assertFalse(bucket.acquire().isComplete(), "no request before Retry-After");
        timers.advanceMillis(2000);
    }

    @Test
    void tooManyRequestsWithHttpDate_isRetryable() {
        String inOneMinute = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(60));
        RetryableException e = (RetryableException) fail(post(), answer(429, "", inOneMinute));
        assertTrue(e.retryAfter().toSeconds() >= 58 && e.retryAfter().toSeconds() <= 60, e.retryAfter().toString());
        timers.advanceMillis(60_000);
    }

    @Test
    void overLimitWithoutHeader_usesTheConnectorsDefaultWait() {
        RetryableException e = (RetryableException) fail(post(), answer(503, "{\"success\":false}", null));
        assertEquals(Duration.ofSeconds(1), e.retryAfter());
        assertFalse(bucket.acquire().isComplete());
        timers.advanceMillis(1000);
        assertNull(((RetryableException) fail(post(), answer(502, "", null))).retryAfter());
    }

    @Test
    void serverError_isRetryable() {
        assertEquals(500, ((RetryableException) fail(post(), answer(500, "boom", null))).status());
    }

    @Test
    void unauthorisedOrForbidden_isAuth() {
        assertInstanceOf(AuthException.class, fail(post(), answer(401, "{}", null)));
        assertInstanceOf(AuthException.class, fail(post(), answer(403, "{}", null)));
    }

    @Test
    void validation_isPermanentWithTheCrmsWords() {
        PermanentException e = (PermanentException) fail(post(), answer(422, "{\"message\":\"is blank\",\"field\":\"title\"}", null));
        assertEquals("title", e.field());
        assertEquals("is blank", e.crmMessage());
        assertEquals(422, e.status());
    }

    @Test
    void errorInsideA200_isMapped_andItsWaitPausesTheAccount() {
        RetryableException e = (RetryableException) fail(post(), answer(200, "{\"error\":\"slow down\"}", null));
        assertEquals(Duration.ofSeconds(7), e.retryAfter());
        assertFalse(bucket.acquire().isComplete());
        timers.advanceMillis(7000);
    }

    @Test
    void forAccount_labelsErrorsConnectorSlashAccount_andRefusesABadRateLimitSetting() {
        ConnectorDescriptor demo = new ConnectorDescriptor("demo", "Demo CRM", Set.of(), Map.of(),
                new RateLimit(100, Duration.ofSeconds(1), true, ""));
        String base = "http://127.0.0.1:" + server.actualPort();
        AccountConfig shop = new AccountConfig("demo", "shop", base, Map.of(), Map.of(RateLimits.SETTING, "50/1s"));
        CrmHttp forShop = CrmHttp.forAccount(vertx, demo, shop, base, Duration.ofMillis(400), MAPPER);
        behaviour = answer(401, "{}", null);
        AuthException e = Await.failure(forShop.send(CrmRequest.get("/v1/things"), new CallCount()), AuthException.class);
        assertTrue(e.getMessage().startsWith("demo/shop: "), e.getMessage());
        AccountConfig bad = new AccountConfig("demo", "bad", base, Map.of(), Map.of(RateLimits.SETTING, "lots"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CrmHttp.forAccount(vertx, demo, bad, base, Duration.ofMillis(400), MAPPER));
        assertTrue(refused.getMessage().contains("lots"), refused.getMessage());
    }

    /** Issue 18 point 2: the effect is recorded as sent only once its mutating request holds a permit. */
    @Test
    void sendGate_opensOnlyWhenAMutatingRequestHoldsItsPermit_andBeforeItLeaves() {
        ManualTimers clock = new ManualTimers();
        TokenBucket one = new TokenBucket(clock, 1, Duration.ofSeconds(1), Duration.ZERO);
        CrmHttp limited = new CrmHttp(vertx, "http://127.0.0.1:" + server.actualPort(), one, Duration.ofSeconds(5), MAPPER, "test/one");
        java.util.List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        behaviour = r -> r.body().onSuccess(b -> {
            order.add("request " + r.method());
            r.response().setStatusCode(201).end("{\"id\":1}");
        });
        io.leadflow.connector.SendGate readGate = io.leadflow.connector.SendGate.of(() -> {
            order.add("gate of a read");
            return io.vertx.core.Future.succeededFuture();
        });
        Await.result(limited.send(CrmRequest.get("/v1/things"), new CallCount(readGate)));   // takes the only permit
        assertFalse(readGate.isOpened(), "a read does not open the gate");
        io.leadflow.connector.SendGate gate = io.leadflow.connector.SendGate.of(() -> {
            order.add("gate");
            return io.vertx.core.Future.succeededFuture();
        });
        CallCount count = new CallCount(gate);
        io.vertx.core.Future<CrmResponse> write = limited.send(post(), count);
        sleepMillis(300);
        assertFalse(gate.isOpened(), "gate opened while the request still waited for its permit");
        assertEquals(0, count.get());
        clock.advanceMillis(1_000);                                                           // the permit comes back
        Await.result(write);
        assertEquals(java.util.List.of("request GET", "gate", "request POST"), order);
        assertEquals(1, count.get());
    }

    @Test
    void sendGate_thatFails_sendsNothing_andIsRetryable() {
        java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
        behaviour = r -> { received.incrementAndGet(); r.response().setStatusCode(201).end("{}"); };
        CallCount count = new CallCount(io.leadflow.connector.SendGate.of(
                () -> io.vertx.core.Future.failedFuture(new IllegalStateException("journal closed"))));
        RetryableException e = Await.failure(http.send(post(), count), RetryableException.class);
        assertTrue(e.getMessage().contains("not sent") && e.getMessage().contains("journal closed"), e.getMessage());
        assertEquals(0, count.get());
        sleepMillis(100);
        assertEquals(0, received.get());
    }

    // ---- T8 network faults, against a raw socket (RawCrm) ------------------------------------

    /**
     * Sends {@code request} once to a raw-socket CRM answering as {@code answer}, through a client
     * with the given call timeout; returns the outcome after checking that exactly one request
     * reached the CRM (CrmHttp never repeats a call itself: a repeated write would be a duplicate).
     */
    private io.vertx.core.Future<CrmResponse> sendRaw(RawCrm crm, CrmRequest request, Duration timeout, RawCrm.Answer answer) {
        crm.answer(answer);
        int before = crm.requests.get();
        CrmHttp raw = new CrmHttp(vertx, crm.baseUrl(), bucket, timeout, MAPPER, "test/raw");
        io.vertx.core.Future<CrmResponse> outcome = raw.send(request, new CallCount());
        try {
            Await.result(outcome.transform(x -> io.vertx.core.Future.succeededFuture()));
        } finally {
            Await.result(raw.close());
        }
        assertEquals(before + 1, crm.requests.get(), "requests that reached the CRM");
        return outcome;
    }

    /** Waits (bounded) until the raw CRM has seen {@code n} clients give up on an answer. */
    private static void awaitGaveUp(RawCrm crm, int n) {
        for (int i = 0; i < 200 && crm.clientGaveUp.get() < n; i++) sleepMillis(50);
        assertEquals(n, crm.clientGaveUp.get(), "connections the client dropped while the answer was still coming");
    }

    /** The call timeout against the raw CRM: well above a loaded machine's connect and write, well below the 5 s slow answer. */
    private static final Duration RAW_TIMEOUT = Duration.ofSeconds(1);

    private static final String JSON_201_5000 = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n";

    private static byte[] jsonBody(int length) {
        String head = "{\"id\":12,\"pad\":\"";
        return (head + "x".repeat(length - head.length() - 2) + "\"}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** T8: an answer trickling at 1 KB/s that would take 5 s is cut at the call timeout (1 s): in doubt for a write, retryable for a read. */
    @Test
    void answerAt1KBps_pastTheCallTimeout_isInDoubtForAWrite_retryableForARead() throws Exception {
        try (RawCrm crm = new RawCrm()) {
            RawCrm.Answer slow = (head, out, in) -> {
                out.write(JSON_201_5000.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                RawCrm.trickle(out, jsonBody(5000), 1000);
            };
            assertInstanceOf(InDoubtException.class, Await.failure(sendRaw(crm, post(), RAW_TIMEOUT, slow)));
            awaitGaveUp(crm, 1);
            assertInstanceOf(RetryableException.class, Await.failure(sendRaw(crm, CrmRequest.get("/v1/things"), RAW_TIMEOUT, slow)));
            awaitGaveUp(crm, 2);
            assertTrue(crm.bytesWritten.get() < 2 * 5000, "the client read on after its timeout: " + crm.bytesWritten.get() + " bytes");
        }
    }

    /** T8: the same bandwidth within the call timeout is simply a slow answer, read whole. */
    @Test
    void answerAt1KBps_withinTheCallTimeout_isReadWhole() throws Exception {
        try (RawCrm crm = new RawCrm()) {
            RawCrm.Answer slow = (head, out, in) -> {
                out.write("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 600\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                RawCrm.trickle(out, jsonBody(600), 1000);
            };
            CrmResponse r = Await.result(sendRaw(crm, post(), Duration.ofSeconds(10), slow));
            assertEquals(12, r.jsonObject().getInteger("id"));
            assertEquals(600, r.body().length());
        }
    }

    /**
     * T8: half-sent answers: the status line and part of the headers, or the headers and part of
     * the body (Content-Length, or a body delimited by the connection's end that stops mid-JSON),
     * then the connection dropped; or stalled until the call timeout. A write is in doubt (the
     * CRM may have done it: reconcile), a read retryable; never a success, never permanent.
     */
    @Test
    void halfSentAnswer_droppedOrStalled_isInDoubtForAWrite_retryableForARead() throws Exception {
        Map<String, RawCrm.Answer> answers = new java.util.LinkedHashMap<>();
        answers.put("headers cut, dropped", (head, out, in) -> out.write(ascii("HTTP/1.1 201 Created\r\nContent-Ty")));
        answers.put("body cut (Content-Length 100, 40 sent), dropped", (head, out, in) -> {
            out.write(ascii("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"));
            out.write(jsonBody(100), 0, 40);
        });
        answers.put("body cut mid-JSON, delimited by the close", (head, out, in) -> {
            out.write(ascii("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"));
            out.write(jsonBody(100), 0, 40);
        });
        answers.put("body cut (Content-Length 100, 40 sent), stalled", (head, out, in) -> {
            out.write(ascii("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"));
            out.write(jsonBody(100), 0, 40);
            out.flush();
            RawCrm.stall(in);
        });
        answers.put("headers cut, stalled", (head, out, in) -> {
            out.write(ascii("HTTP/1.1 201 Created\r\nContent-Ty"));
            out.flush();
            RawCrm.stall(in);
        });
        try (RawCrm crm = new RawCrm()) {
            for (var a : answers.entrySet()) {
                Throwable write = Await.failure(sendRaw(crm, post(), RAW_TIMEOUT, a.getValue()));
                assertInstanceOf(InDoubtException.class, write, a.getKey() + ": " + write);
                Throwable read = Await.failure(sendRaw(crm, CrmRequest.get("/v1/things"), RAW_TIMEOUT, a.getValue()));
                assertInstanceOf(RetryableException.class, read, a.getKey() + ": " + read);
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
