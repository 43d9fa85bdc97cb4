package io.leadflow.bench.connectors;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.emulator.EmulatorServer;
import io.leadflow.connector.ratelimit.RateLimits;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One CRM's emulator and a connector to it, with the same rate limit configured on both sides. */
final class Scenario implements AutoCloseable {
    final Vertx vertx;
    final EmulatorServer emulator;
    final CrmConnector connector;

    Scenario(ConnectorFactory factory, RateLimit limit) {
        this.vertx = Vertx.vertx();
        this.emulator = (EmulatorServer) await(factory.startEmulator(vertx, 0));
        emulator.rateLimit(limit);
        AccountConfig base = emulator.account("bench");
        Map<String, String> settings = new HashMap<>(base.settings());
        settings.put(RateLimits.SETTING, limit.permits() + "/" + (limit.period().toMillis() / 1000.0) + "s");
        this.connector = factory.create(vertx, new AccountConfig(base.connector(), base.account(), base.baseUrl(), base.secrets(), settings));
    }

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("measurement step failed: " + e, e);
        }
    }

    @Override
    public void close() {
        await(vertx.close());
    }
}
