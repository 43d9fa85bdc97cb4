package io.leadflow.runtime.journal.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.Leads;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WAL is truncated once the writer has changed nothing for a while, even while empty claims keep arriving. */
class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    void wal_isTruncatedWhenIdle_despiteWritesThatChangeNothing() throws Exception {
        Vertx vertx = Vertx.vertx();
        SqliteJournal journal = Await.result(SqliteJournal.open(vertx, dir,
                JournalOptions.defaults().withCheckpointIdle(Duration.ofMillis(300))));
        try {
            for (int i = 0; i < 200; i++) Await.result(journal.append(Leads.json("orders", "w" + i, "{}", Instant.now())));
            Path wal = dir.resolve("leadflow.db-wal");
            assertTrue(Files.size(wal) > 0, "appends went to the WAL");
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (Files.size(wal) > 0 && System.nanoTime() < end) {
                Await.result(journal.ledger().claimDue(Instant.EPOCH, 10));   // claims nothing: not a change
                Thread.sleep(50);
            }
            assertEquals(0, Files.size(wal), "checkpoint(TRUNCATE) ran while only empty claims came");
        } finally {
            Await.result(journal.close());
            Await.result(vertx.close());
        }
    }
}
