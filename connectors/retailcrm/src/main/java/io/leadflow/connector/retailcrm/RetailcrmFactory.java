package io.leadflow.connector.retailcrm;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.retailcrm.emulator.RetailcrmEmulator;
import io.leadflow.spi.ConnectorDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/** RetailCRM for the runtime (a connector per account, the emulator for sandbox mode) and for the compiler (the descriptor). */
public final class RetailcrmFactory implements ConnectorFactory {
    @Override
    public ConnectorDescriptor descriptor() {
        return RetailcrmSchema.DESCRIPTOR;
    }

    @Override
    public CrmConnector create(Vertx vertx, AccountConfig account) {
        return new RetailcrmConnector(vertx, account);
    }

    @Override
    public Future<RetailcrmEmulator> startEmulator(Vertx vertx, int port) {
        RetailcrmEmulator emulator = new RetailcrmEmulator(vertx, Clock.systemUTC());
        return emulator.start(port).map(e -> emulator);
    }
}
