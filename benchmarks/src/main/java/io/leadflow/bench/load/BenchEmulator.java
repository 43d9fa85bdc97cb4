package io.leadflow.bench.load;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.Emulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A CRM stand-in with no rate limit: {@code POST /deals} creates a deal keyed by its
 * idempotency key (the same key returns the same id), {@code GET /deals/{key}} finds one,
 * {@code GET /__emulator/state} counts them.
 */
final class BenchEmulator implements Emulator {
    private final HttpServer server;
    final Map<String, Long> deals = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private BenchEmulator(HttpServer server) {
        this.server = server;
    }

    static Future<BenchEmulator> start(Vertx vertx, int port) {
        BenchEmulator[] self = new BenchEmulator[1];
        HttpServer s = vertx.createHttpServer();
        s.requestHandler(req -> {
            String path = req.path();
            if (req.method().name().equals("POST") && path.equals("/deals")) {
                req.body().onSuccess(b -> {
                    String key = new JsonObject(b).getString("key");
                    long id = self[0].deals.computeIfAbsent(key, k -> self[0].ids.incrementAndGet());
                    req.response().setStatusCode(201).end(new JsonObject().put("id", id).encode());
                });
            } else if (path.startsWith("/deals/")) {
                Long id = self[0].deals.get(path.substring(7));
                req.response().setStatusCode(id == null ? 404 : 200).end(id == null ? "{}" : new JsonObject().put("id", id).encode());
            } else if (path.equals("/__emulator/state")) {
                req.response().end(new JsonObject().put("deals", self[0].deals.size()).encode());
            } else {
                req.response().setStatusCode(404).end();
            }
        });
        return s.listen(port, "127.0.0.1").map(srv -> self[0] = new BenchEmulator(srv));
    }

    @Override
    public int port() {
        return server.actualPort();
    }

    @Override
    public AccountConfig account(String accountName) {
        return new AccountConfig("bench", accountName, "http://127.0.0.1:" + port(), Map.of("api_key", "bench-key"), Map.of());
    }

    @Override
    public Future<Void> stop() {
        return server.close();
    }
}
