package io.leadflow.connector;

import io.vertx.core.Future;

/**
 * A loopback stand-in for a CRM's API: same paths, auth, encodings, envelopes, errors and
 * rate limit; records kept in memory; {@code GET /__emulator/state} and
 * {@code POST /__emulator/faults} for tests and sandbox users.
 */
public interface Emulator {

    /** The bound port. */
    int port();

    /** An account config (base URL and test credentials) that reaches this emulator. */
    AccountConfig account(String accountName);

    Future<Void> stop();
}
