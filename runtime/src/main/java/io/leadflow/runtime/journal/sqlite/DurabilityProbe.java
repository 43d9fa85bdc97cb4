package io.leadflow.runtime.journal.sqlite;

import io.vertx.core.Future;

/**
 * What the fsync-before-ack test (T3) reads from a running journal: how many commits the writer
 * made, and the {@code synchronous} level SQLite reports on the writer connection itself (2 =
 * FULL: the WAL is fsync'd at every commit; 1 = NORMAL: only at checkpoints).
 */
public final class DurabilityProbe {
    private final Writer writer;

    DurabilityProbe(Writer writer) {
        this.writer = writer;
    }

    public long commits() {
        return writer.commits();
    }

    public long rowsCommitted() {
        return writer.rows();
    }

    /** Read through the writer queue, so it is the connection that commits the leads that answers. */
    public Future<Integer> writerSynchronousLevel() {
        return writer.submit(SqliteConnections::synchronousLevel, Writer.Kind.LEDGER);
    }
}
