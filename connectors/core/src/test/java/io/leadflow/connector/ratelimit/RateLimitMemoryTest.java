package io.leadflow.connector.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmRequest;
import io.leadflow.connector.http.CrmResponse;
import io.leadflow.connector.http.ResponseMapper;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.RateLimit;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 point 3: a CRM counts a sliding window (5 calls per second here) and answers 429 past
 * it. Three "processes" in a row (a fresh client each, as after a restart) each send the full
 * budget at once. With the account's calls kept in the data folder, each new client waits for
 * what the CRM still counts: 0 × 429. Without it (the control), every restart earns 429s.
 */
class RateLimitMemoryTest {
    static final ConnectorDescriptor DEMO = new ConnectorDescriptor("demo", "Demo CRM", Set.of(), Map.of(),
            new RateLimit(5, Duration.ofSeconds(1), true, "test"));
    static final ResponseMapper MAPPER = new ResponseMapper() {
        @Override
        public PermanentException rejected(CrmResponse r) {
            return new PermanentException("refused", null, r.status());
        }
    };
    Vertx vertx;
    HttpServer crm;
    final ArrayDeque<Long> window = new ArrayDeque<>();
    final AtomicInteger tooMany = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        crm = vertx.createHttpServer().requestHandler(r -> {
            long now = System.nanoTime();
            boolean over;
            synchronized (window) {
                while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) window.pollFirst();
                over = window.size() >= 5;
                if (!over) window.add(now);
            }
            if (over) tooMany.incrementAndGet();
            r.response().setStatusCode(over ? 429 : 200).putHeader("Content-Type", "application/json").end("{}");
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    int restarts(Map<String, String> settings, Path memoryFile) throws Exception {
        String base = "http://127.0.0.1:" + crm.actualPort();
        AccountConfig account = new AccountConfig("demo", "main", base, Map.of(), settings);
        for (int process = 0; process < 3; process++) {
            CrmHttp http = CrmHttp.forAccount(vertx, DEMO, account, base, Duration.ofSeconds(5), MAPPER);
            List<Future<CrmResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) calls.add(http.send(CrmRequest.get("/v1/things"), new CallCount()));
            Future.join(calls).otherwiseEmpty().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            http.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);   // waits for the memory's write
            if (memoryFile != null) assertEquals(5, Files.readAllLines(memoryFile).stream().filter(l -> !l.isBlank()).count());
        }
        return tooMany.get();
    }

    @Test
    void restartedClient_waitsForTheCallsTheCrmStillCounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ratelimit").resolve("demo.main.calls");
        long started = System.nanoTime();
        assertEquals(0, restarts(Map.of(RateLimitMemory.SETTING, file.toString()), file), "429s after restarts");
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(1900), "each restart waited for the window");
    }

    @Test
    void withoutTheMemory_everyRestartStartsFull_andEarns429s() throws Exception {
        assertTrue(restarts(Map.of(), null) >= 5, "the control: a full bucket after each restart");
    }

    @Test
    void unreadableMemory_countsAsTheWholeBudgetUsed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("demo.main.calls"), "not a time\n");
        TokenBucket bucket = TokenBucket.of(vertx, DEMO.rateLimit());
        RateLimitMemory memory = RateLimitMemory.forAccount(vertx, new AccountConfig("demo", "main", "http://x", Map.of(),
                Map.of(RateLimitMemory.SETTING, file.toString())), DEMO.rateLimit()).orElseThrow();
        memory.prime(bucket).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(0, bucket.available());
    }
}
