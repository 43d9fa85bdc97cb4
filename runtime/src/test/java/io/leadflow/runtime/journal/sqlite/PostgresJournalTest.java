package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.JournalContract;
import io.leadflow.runtime.journal.PgDatabases;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        j.leases().tick();
        return j;
    }

    @Test
    void aDatabaseMigratedByANewerLeadflow_isRefused_beforeAnythingIsWritten() throws Exception {
        Await.result(journal.close());
        journal = null;
        int tables;
        try (java.sql.Connection c = PgDatabases.connect(url); java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO leadflow_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 1, true)");
            tables = count(st);
        }
        Throwable e = assertThrows(Throwable.class, () -> open(JournalOptions.defaults()));
        while (e.getCause() != null && !(e instanceof PostgresJournal.NewerSchemaException)) e = e.getCause();
        assertTrue(e instanceof PostgresJournal.NewerSchemaException, String.valueOf(e));
        assertTrue(e.getMessage().contains("journal schema version 99") && e.getMessage().contains("newer than this Leadflow understands (3)"),
                e.getMessage());
        try (java.sql.Connection c = PgDatabases.connect(url); java.sql.Statement st = c.createStatement()) {
            assertEquals(tables, count(st), "nothing migrated or created");
        }
    }

    private static int count(java.sql.Statement st) throws java.sql.SQLException {
        try (java.sql.ResultSet r = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            r.next();
            return r.getInt(1);
        }
    }
}
