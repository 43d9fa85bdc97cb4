package io.leadflow.connector.mindbox;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.mindbox.emulator.MindboxEmulator;
import io.leadflow.spi.ConnectorDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** Mindbox for the runtime (a connector per account, the emulator for sandbox mode) and for the compiler. */
public final class MindboxFactory implements ConnectorFactory {
    @Override
    public ConnectorDescriptor descriptor() {
        return MindboxSchema.DESCRIPTOR;
    }

    @Override
    public CrmConnector create(Vertx vertx, AccountConfig account) {
        return new MindboxConnector(vertx, account, Peers.none());
    }

    @Override
    public CrmConnector create(Vertx vertx, AccountConfig account, Peers peers) {
        return new MindboxConnector(vertx, account, peers);
    }

    /** The RetailCRM account of the setting {@code retailcrm_account}, when given: the calculation is written into its orders. */
    @Override
    public List<PeerAccount> peers(AccountConfig account) {
        String retailcrm = MindboxSettings.of(account).retailcrmAccount();
        return retailcrm == null ? List.of() : List.of(new PeerAccount("retailcrm", retailcrm));
    }

    @Override
    public Future<MindboxEmulator> startEmulator(Vertx vertx, int port) {
        MindboxEmulator emulator = new MindboxEmulator(vertx);
        return emulator.start(port).map(e -> emulator);
    }
}
