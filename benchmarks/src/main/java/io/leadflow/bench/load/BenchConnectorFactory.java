package io.leadflow.bench.load;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.Emulator;
import io.leadflow.spi.Capability;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The "bench" connector: no rate limit, one POST per effect; found by ServiceLoader in the load run's server. */
public final class BenchConnectorFactory implements ConnectorFactory {
    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("bench", "Bench (load runs only)",
            Set.of(Capability.CREATE_DEAL), Map.of(), new RateLimit(1_000_000, Duration.ofSeconds(1), true, "bench emulator: no limit"));

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CrmConnector create(Vertx vertx, AccountConfig account) {
        return new BenchConnector(vertx, DESCRIPTOR, account);
    }

    @Override
    public Future<? extends Emulator> startEmulator(Vertx vertx, int port) {
        return BenchEmulator.start(vertx, port);
    }
}
