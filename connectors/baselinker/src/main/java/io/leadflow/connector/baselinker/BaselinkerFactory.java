package io.leadflow.connector.baselinker;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.Emulator;
import io.leadflow.connector.baselinker.emulator.BaselinkerEmulator;
import io.leadflow.spi.ConnectorDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/** Baselinker's entry in both service registries: the compiler's descriptor and the runtime's factory. */
public final class BaselinkerFactory implements ConnectorFactory {

    @Override
    public ConnectorDescriptor descriptor() {
        return BaselinkerSchema.DESCRIPTOR;
    }

    @Override
    public CrmConnector create(Vertx vertx, AccountConfig account) {
        return new BaselinkerConnector(vertx, account, Clock.systemUTC());
    }

    @Override
    public Future<BaselinkerEmulator> startEmulator(Vertx vertx, int port) {
        return new BaselinkerEmulator(vertx).start(port).map(e -> (BaselinkerEmulator) e);
    }
}
