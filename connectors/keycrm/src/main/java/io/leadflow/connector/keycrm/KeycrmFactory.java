package io.leadflow.connector.keycrm;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.keycrm.emulator.KeycrmEmulator;
import io.leadflow.spi.ConnectorDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/** KeyCRM for the runtime (connectors per account, the emulator for sandbox mode) and for the compiler (the descriptor). */
public final class KeycrmFactory implements ConnectorFactory {
    @Override
    public ConnectorDescriptor descriptor() {
        return KeycrmSchema.DESCRIPTOR;
    }

    @Override
    public CrmConnector create(Vertx vertx, AccountConfig account) {
        return new KeycrmConnector(vertx, account);
    }

    @Override
    public Future<KeycrmEmulator> startEmulator(Vertx vertx, int port) {
        KeycrmEmulator emulator = new KeycrmEmulator(vertx, Clock.systemUTC());
        return emulator.start(port).map(e -> emulator);
    }
}
