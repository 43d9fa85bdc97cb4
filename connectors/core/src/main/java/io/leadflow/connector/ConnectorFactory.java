package io.leadflow.connector;

import io.leadflow.spi.ConnectorDescriptorProvider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Found with {@link java.util.ServiceLoader} (register it under
 * {@code META-INF/services/io.leadflow.connector.ConnectorFactory}); one per CRM.
 */
public interface ConnectorFactory extends ConnectorDescriptorProvider {

    /** A connector for one account. */
    CrmConnector create(Vertx vertx, AccountConfig account);

    /**
     * Starts this CRM's emulator on loopback (port 0 = any free port) and returns it running.
     * The returned account config points at it, with the emulator's test credentials.
     */
    Future<? extends Emulator> startEmulator(Vertx vertx, int port);
}
