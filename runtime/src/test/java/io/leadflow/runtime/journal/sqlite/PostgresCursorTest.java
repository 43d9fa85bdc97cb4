package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.CursorContract;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.PgDatabases;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The pull-source cursor contract on a real PostgreSQL. */
class PostgresCursorTest extends CursorContract {
    Vertx vertx;
    String url;
    PostgresJournal journal;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        url = PgDatabases.fresh();
        journal = Await.result(PostgresJournal.open(vertx, url, "test-node", JournalOptions.defaults(), Duration.ofSeconds(30)));
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
        journal = Await.result(PostgresJournal.open(vertx, url, "test-node", JournalOptions.defaults(), Duration.ofSeconds(30)));
        return journal;
    }
}
