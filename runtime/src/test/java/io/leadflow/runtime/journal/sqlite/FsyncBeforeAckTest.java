package io.leadflow.runtime.journal.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.Leads;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T3 in process: every ack follows the commit of its batch on a writer connection that runs
 * synchronous=FULL; and the same measurement with synchronous=NORMAL is judged not durable,
 * which proves the check bites. {@link FsyncStraceTest} counts the real fsyncs.
 */
class FsyncBeforeAckTest {
    @TempDir
    Path dir;
    Vertx vertx = Vertx.vertx();
    SqliteJournal journal;

    @AfterEach
    void close() {
        if (journal != null) Await.result(journal.close());
        Await.result(vertx.close());
    }

    /** Runs {@code clients} concurrent appenders of {@code each} sequential appends and returns the oracle's verdict. */
    private List<String> measure(JournalOptions.Durability durability, int clients, int each) {
        journal = Await.result(SqliteJournal.open(vertx, dir, JournalOptions.defaults().withDurability(durability)));
        DurabilityProbe probe = journal.durabilityProbe();
        long commitsBefore = probe.commits();
        AtomicLong early = new AtomicLong();
        AtomicLong acks = new AtomicLong();
        List<Future<Void>> clientsDone = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Future<Void> chain = Future.succeededFuture();
            for (int i = 0; i < each; i++) {
                int n = i;
                chain = chain.compose(v -> {
                    long commitsAtSubmit = probe.commits();
                    return journal.append(Leads.json("orders", client + "-" + n, "{}", Instant.now())).map(a -> {
                        if (probe.commits() <= commitsAtSubmit) early.incrementAndGet();
                        acks.incrementAndGet();
                        return null;
                    });
                });
            }
            clientsDone.add(chain);
        }
        clientsDone.forEach(Await::result);
        long commits = probe.commits() - commitsBefore;
        int level = Await.result(probe.writerSynchronousLevel());
        assertEquals((long) clients * each, acks.get());
        return FsyncOracle.violations(acks.get(), commits, early.get(), level, -1);
    }

    @Test
    void sequentialAcks_eachFollowAFullSyncCommit() {
        assertEquals(List.of(), measure(JournalOptions.Durability.FULL, 1, 2000));
        assertTrue(journal.durabilityProbe().commits() >= 2000, "one commit per sequential ack");
    }

    @Test
    void concurrentAcks_eachFollowTheirBatchCommit() {
        assertEquals(List.of(), measure(JournalOptions.Durability.FULL, 64, 20));
    }

    @Test
    void check_bites_whenSynchronousIsNormal() {
        List<String> v = measure(JournalOptions.Durability.NORMAL, 1, 200);
        assertFalse(v.isEmpty(), "NORMAL must be judged not durable");
        assertTrue(v.get(0).contains("synchronous=1"), v.toString());
    }
}
