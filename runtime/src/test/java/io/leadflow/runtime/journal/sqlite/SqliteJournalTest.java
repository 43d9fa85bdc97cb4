package io.leadflow.runtime.journal.sqlite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.JournalContract;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal contract on the embedded SQLite file, and what only SQLite has. */
class SqliteJournalTest extends JournalContract {
    @TempDir
    Path dir;
    Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        journal = open(JournalOptions.defaults());
    }

    @AfterEach
    void stop() {
        if (journal != null) Await.result(journal.close());
        Await.result(vertx.close());
    }

    @Override
    protected Journal open(JournalOptions options) {
        return Await.result(SqliteJournal.open(vertx, dir, options));
    }

    @Test
    void sqliteTmpdir_isInsideTheDataFolder() {
        assertTrue(Path.of(System.getProperty("org.sqlite.tmpdir")).isAbsolute());
        assertTrue(dir.resolve("sqlite-tmp").toFile().isDirectory());
    }
}
