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

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
