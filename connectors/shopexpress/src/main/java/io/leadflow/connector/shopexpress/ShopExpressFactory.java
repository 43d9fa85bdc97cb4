package io.leadflow.connector.shopexpress;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.shopexpress.emulator.ShopExpressEmulator;
import io.leadflow.spi.ConnectorDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Shop-Express's entry in both service registries: the compiler's descriptor and the runtime's factory. */
public final class ShopExpressFactory implements ConnectorFactory {

    @Override
    public ConnectorDescriptor descriptor() {
        return ShopExpressSchema.DESCRIPTOR;
    }

    @Override
    public CrmConnector create(Vertx vertx, AccountConfig account) {
        return new ShopExpressConnector(vertx, account);
    }

    @Override
    public Future<ShopExpressEmulator> startEmulator(Vertx vertx, int port) {
        return new ShopExpressEmulator(vertx).start(port).map(e -> (ShopExpressEmulator) e);
    }
}
