package io.leadflow.connector.keepincrm;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.keepincrm.emulator.KeepinCrmEmulator;
import io.leadflow.spi.ConnectorDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** KeepinCRM's entry in both service registries: the compiler's descriptor and the runtime's factory. */
public final class KeepinCrmFactory implements ConnectorFactory {

    @Override
    public ConnectorDescriptor descriptor() {
        return KeepinCrmSchema.DESCRIPTOR;
    }

    @Override
    public CrmConnector create(Vertx vertx, AccountConfig account) {
        return new KeepinCrmConnector(vertx, account);
    }

    @Override
    public Future<KeepinCrmEmulator> startEmulator(Vertx vertx, int port) {
        return new KeepinCrmEmulator(vertx).start(port).map(e -> (KeepinCrmEmulator) e);
    }
}
