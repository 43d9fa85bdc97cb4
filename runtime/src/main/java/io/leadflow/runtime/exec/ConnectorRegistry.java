package io.leadflow.runtime.exec;

import io.leadflow.connector.CrmConnector;
import java.util.Optional;

/**
 * The configured CRM accounts: connector name and account name (as in {@code to keycrm(account:
 * "main")}) to a running {@link CrmConnector}. The edge implements it (real accounts, or the
 * emulators in {@code --sandbox}). Thread-safe; looked up once per lead run.
 */
public interface ConnectorRegistry {

    /** The connector for this account, or empty when none is configured (the lead goes to dead letter). */
    Optional<CrmConnector> connector(String connector, String account);
}
