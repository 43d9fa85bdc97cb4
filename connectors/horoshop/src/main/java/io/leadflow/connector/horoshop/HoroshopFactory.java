package io.leadflow.connector.horoshop;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.horoshop.emulator.HoroshopEmulator;
import io.leadflow.spi.ConnectorDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Horoshop's entry in both service registries: the compiler's descriptor and the runtime's factory. */
public final class HoroshopFactory implements ConnectorFactory {

    @Override
    public ConnectorDescriptor descriptor() {
        return HoroshopSchema.DESCRIPTOR;
    }

    @Override
    public CrmConnector create(Vertx vertx, AccountConfig account) {
        return new HoroshopConnector(vertx, account);
    }

    @Override
    public Future<HoroshopEmulator> startEmulator(Vertx vertx, int port) {
        return new HoroshopEmulator(vertx).start(port).map(e -> (HoroshopEmulator) e);
    }
}
