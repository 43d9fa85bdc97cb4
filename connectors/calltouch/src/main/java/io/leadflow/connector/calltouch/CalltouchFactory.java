package io.leadflow.connector.calltouch;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.calltouch.emulator.CalltouchEmulator;
import io.leadflow.spi.ConnectorDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Calltouch's entry in both service registries: the compiler's descriptor and the runtime's factory. */
public final class CalltouchFactory implements ConnectorFactory {

    @Override
    public ConnectorDescriptor descriptor() {
        return CalltouchSchema.DESCRIPTOR;
    }

    @Override
    public CrmConnector create(Vertx vertx, AccountConfig account) {
        return new CalltouchConnector(vertx, account);
    }

    @Override
    public Future<CalltouchEmulator> startEmulator(Vertx vertx, int port) {
        return new CalltouchEmulator(vertx).start(port).map(e -> (CalltouchEmulator) e);
    }
}
