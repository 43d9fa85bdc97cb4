package io.leadflow.runtime.testkit;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.Emulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A CRM that, like a real one, creates a new record for every POST, even one repeating an
 * idempotency key, so a resent effect shows up as a duplicate. {@code POST /records} answers after
 * a random 40–120 ms; {@code GET /records/{key}} finds the first record with that key (reconcile).
 * With a limit ({@link #start(Vertx, int, int)}) it counts every request it receives in a sliding
 * window of one second, as rate-limited CRMs do, and answers a request past the limit with 429
 * (nothing created), counted in {@link #overLimit}.
 */
public final class RecordingCrm implements Emulator {
    private final HttpServer server;
    public final Map<String, List<Long>> byKey = new ConcurrentHashMap<>();
    public final AtomicLong records = new AtomicLong();
    /** Requests answered 429 because more than the limit arrived within one second. */
    public final AtomicLong overLimit = new AtomicLong();
    /** The most requests taken within any one second: how close the callers came to the limit. */
    public final AtomicLong peakPerSecond = new AtomicLong();
    /** The manager of each deal, by key (first record only). */
    public final Map<String, String> managers = new ConcurrentHashMap<>();

    private RecordingCrm(HttpServer server) {
        this.server = server;
    }

    public static Future<RecordingCrm> start(Vertx vertx, int port) {
        return start(vertx, port, 0);
    }

    /** The same, taking at most {@code perSecond} requests in any second (0: no limit). */
    public static Future<RecordingCrm> start(Vertx vertx, int port, int perSecond) {
        RecordingCrm[] self = new RecordingCrm[1];
        Random random = new Random();
        java.util.ArrayDeque<Long> window = new java.util.ArrayDeque<>();
        HttpServer s = vertx.createHttpServer().requestHandler(req -> {
            String path = req.path();
            if (perSecond > 0) {
                long now = System.nanoTime();
                boolean over;
                synchronized (window) {
                    while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) window.pollFirst();
                    over = window.size() >= perSecond;
                    if (!over) window.addLast(now);
                    if (window.size() > self[0].peakPerSecond.get()) self[0].peakPerSecond.set(window.size());
                }
                if (over) {
                    self[0].overLimit.incrementAndGet();
                    req.response().setStatusCode(429).putHeader("Retry-After", "1").end("{}");
                    return;
                }
            }
            if (req.method().name().equals("POST") && path.equals("/records")) {
                req.body().onSuccess(b -> {
                    JsonObject in = new JsonObject(b);
                    String key = in.getString("key");
                    long id = self[0].records.incrementAndGet();
                    if (in.getString("manager") != null) self[0].managers.putIfAbsent(key, in.getString("manager"));
                    self[0].byKey.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(id);
                    vertx.setTimer(40 + random.nextInt(81), t -> req.response().setStatusCode(201).end(new JsonObject().put("id", id).encode()));
                });
            } else if (path.startsWith("/records/")) {
                List<Long> ids = self[0].byKey.get(path.substring("/records/".length()));
                boolean found = ids != null && !ids.isEmpty();
                req.response().setStatusCode(found ? 200 : 404).end(found ? new JsonObject().put("id", ids.get(0)).encode() : "{}");
            } else if (path.equals("/__emulator/state")) {
                req.response().end(new JsonObject().put("records", self[0].records.get()).put("keys", self[0].byKey.size()).encode());
            } else {
                req.response().setStatusCode(404).end();
            }
        });
        return s.listen(port, "127.0.0.1").map(srv -> self[0] = new RecordingCrm(srv));
    }

    /** Keys that got more than one record. */
    public long duplicateKeys() {
        return byKey.values().stream().filter(l -> l.size() > 1).count();
    }

    @Override
    public int port() {
        return server.actualPort();
    }

    @Override
    public AccountConfig account(String accountName) {
        return new AccountConfig("fake", accountName, "http://127.0.0.1:" + port(), Map.of("api_key", "test-key"), Map.of());
    }

    @Override
    public Future<Void> stop() {
        return server.close();
    }
}
