package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.Journal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;

/**
 * The embedded default {@link Journal}: one SQLite file in the data directory. {@code org.sqlite.tmpdir}
 * is pointed at {@code <dataDir>/sqlite-tmp} (emptied at open) so the native library is never
 * unpacked into a {@code noexec} or full {@code /tmp}.
 */
public abstract class SqliteJournal implements Journal {

    SqliteJournal() { }

    /**
     * Opens (creating if needed) the journal in {@code dataDir}, asserting WAL and
     * {@code synchronous=FULL} on every connection. Fails with a clear message when the folder
     * is not writable or the database is not a Leadflow journal.
     */
    public static Future<SqliteJournal> open(Vertx vertx, Path dataDir, JournalOptions options) {
        throw new UnsupportedOperationException("journal API: implementation follows");
    }
}
