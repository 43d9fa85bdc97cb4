package io.leadflow.runtime.journal.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default {@link io.leadflow.runtime.journal.Journal}: one SQLite file in the data directory.
 * {@code org.sqlite.tmpdir} is pointed at {@code <dataDir>/sqlite-tmp} (emptied at open) so the native
 * library is never unpacked into a {@code noexec} or full {@code /tmp}.
 */
public final class SqliteJournal extends SqlJournal {

    private SqliteJournal(Writer writer, ReadPool reads, JournalOptions options) {
        super(writer, reads, options, Dialect.SQLITE);
    }

    /**
     * Opens (creating if needed) the journal in {@code dataDir}, asserting WAL and
     * {@code synchronous=FULL} on every connection. Fails with a clear message when the folder
     * is not writable or the database is not a Leadflow journal.
     */
    public static Future<SqliteJournal> open(Vertx vertx, Path dataDir, JournalOptions options) {
        return vertx.executeBlocking(() -> openBlocking(vertx, dataDir, options), false);
    }

    private static SqliteJournal openBlocking(Vertx vertx, Path dataDir, JournalOptions options) throws Exception {
        SqliteConnections connections = SqliteConnections.prepare(dataDir, options);
        List<Connection> opened = new ArrayList<>();
        try {
            Connection w = connections.open();
            opened.add(w);
            Schema.apply(w);
            for (int i = 0; i < options.readers(); i++) opened.add(connections.open());
        } catch (SQLException e) {
            for (Connection c : opened) c.close();
            throw new SQLException("cannot open the journal in " + dataDir + ": " + e.getMessage(), e);
        }
        Writer writer = new Writer(opened.get(0), options);
        SqliteJournal journal = new SqliteJournal(writer, new ReadPool(vertx, opened.subList(1, opened.size())), options);
        writer.start();
        return journal;
    }

    /** Figures T3 checks: commits and the synchronous level read back from the live writer connection. */
    public DurabilityProbe durabilityProbe() {
        return new DurabilityProbe(writer);
    }
}
