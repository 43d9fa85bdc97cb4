package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.CursorContract;
import io.leadflow.runtime.journal.Journal;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteCursorTest extends CursorContract {
    @TempDir
    Path dir;
    Vertx vertx;
    SqliteJournal journal;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        journal = Await.result(SqliteJournal.open(vertx, dir, JournalOptions.defaults()));
    }

    @AfterEach
    void close() {
        if (journal != null) Await.result(journal.close());
        Await.result(vertx.close());
    }

    @Override
    protected Journal journal() {
        return journal;
    }

    @Override
    protected Journal reopen() {
        Await.result(journal.close());
        journal = Await.result(SqliteJournal.open(vertx, dir, JournalOptions.defaults()));
        return journal;
    }
}
