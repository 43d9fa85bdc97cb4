package io.leadflow.connector;

import io.vertx.core.Future;

/**
 * A loopback stand-in for a CRM's API: same paths, auth, encodings, envelopes, errors and
 * rate limit; records kept in memory (and, with {@link #keepRecordsIn}, in a file); {@code GET /__emulator/state} and
 * {@code POST /__emulator/faults} for tests and sandbox users.
 */
public interface Emulator {

    /** The bound port. */
    int port();

    /** An account config (base URL and test credentials) that reaches this emulator. */
    AccountConfig account(String accountName);

    /**
     * Keeps the emulated account's records in {@code file} (the sandbox's data folder): restores
     * what it holds now (none when it does not exist), then writes them again shortly (at most
     * about 250 ms) after a call and on {@link #stop()}. Fails when this emulator cannot restore
     * its records ({@link UnsupportedOperationException}, the default) or the file is not its
     * snapshot; nothing is changed then.
     */
    default Future<Void> keepRecordsIn(java.nio.file.Path file) {
        return Future.failedFuture(new UnsupportedOperationException(getClass().getSimpleName() + " keeps its records in memory only"));
    }

    /** Stops the emulator; records kept in a file are written first. */
    Future<Void> stop();
}
