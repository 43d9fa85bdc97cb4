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
     * A connector for one account that may write through other accounts' connectors ({@code peers}):
     * Mindbox writes its calculation into the RetailCRM order. The default ignores the peers.
     */
    default CrmConnector create(Vertx vertx, AccountConfig account, Peers peers) {
        return create(vertx, account);
    }

    /**
     * The other accounts this account writes through ({@link Peers}), so the runtime makes them
     * ready with it, before any lead: a missing one fails at start-up. Default none.
     */
    default java.util.List<PeerAccount> peers(AccountConfig account) {
        return java.util.List.of();
    }

    /** Another account, by connector and account name ({@code retailcrm}, {@code main}). */
    record PeerAccount(String connector, String account) { }

    /** The connectors of the other accounts of this installation, by connector and account name. */
    @FunctionalInterface
    interface Peers {
        Future<CrmConnector> connector(String connector, String account);

        /** No other accounts: every request fails, naming the one asked for. */
        static Peers none() {
            return (c, a) -> Future.failedFuture(new IllegalStateException("no " + c + " account '" + a + "' is available here"));
        }
    }

    /**
     * Starts this CRM's emulator on loopback (port 0 = any free port) and returns it running.
     * The returned account config points at it, with the emulator's test credentials.
     */
    Future<? extends Emulator> startEmulator(Vertx vertx, int port);
}
