package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.JournalContract;
import io.leadflow.runtime.journal.PgDatabases;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The journal contract on a real PostgreSQL (embedded, or {@code LEADFLOW_PG_URL}). */
class PostgresJournalTest extends JournalContract {
    Vertx vertx;
    String url;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        url = PgDatabases.fresh();
        journal = open(JournalOptions.defaults());
    }

    @AfterEach
    void stop() {
        if (journal != null) Await.result(journal.close());
        Await.result(vertx.close());
    }

    @Override
    protected Journal open(JournalOptions options) {
        PostgresJournal j = Await.result(PostgresJournal.open(vertx, url, "test-node", options, Duration.ofSeconds(30)));
        j.delivery().tick();
        return j;
    }
}
