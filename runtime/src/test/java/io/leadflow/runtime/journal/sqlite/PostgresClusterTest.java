package io.leadflow.runtime.journal.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.journal.Accepted;
import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.ClusterView;
import io.leadflow.runtime.journal.LeadQuery;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.Leads;
import io.leadflow.runtime.journal.PgDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two journals (two nodes) on one PostgreSQL database: global dedupe, the delivery lease and its fencing. */
class PostgresClusterTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration TTL = Duration.ofMillis(1500);
    Vertx vertx;
    PostgresJournal a;
    PostgresJournal b;
    String url;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        url = PgDatabases.fresh();
        a = Await.result(PostgresJournal.open(vertx, url, "node-a", JournalOptions.defaults(), TTL));
        b = Await.result(PostgresJournal.open(vertx, url, "node-b", JournalOptions.defaults(), TTL));
    }

    @AfterEach
    void close() {
        Await.result(a.close());
        Await.result(b.close());
        Await.result(vertx.close());
    }

    @Test
    void theSameEventIdPostedToBothNodesAtOnce_isOneLead() {
        List<Future<Accepted>> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            all.add(a.append(Leads.json("orders", "e-" + (i % 10), "{}", T0)));
            all.add(b.append(Leads.json("orders", "e-" + (i % 10), "{}", T0)));
        }
        Set<String> firsts = new HashSet<>();
        int fresh = 0;
        for (Future<Accepted> f : all) {
            Accepted r = Await.result(f);
            firsts.add(r.leadId());
            if (!r.duplicate()) fresh++;
        }
        assertEquals(10, fresh, "one new lead per event id, whichever node took it");
        assertEquals(10, firsts.size());
        long pending = Await.result(a.list(new LeadQuery(null, LeadStatus.PENDING, null, null, 1000, null))).size();
        assertEquals(10, pending);
        assertEquals(70, Await.result(b.list(new LeadQuery(null, LeadStatus.DUPLICATE, null, null, 1000, null))).size());
    }

    @Test
    void oneNodeHoldsTheLease_theOtherTakesLeads_butItsExecutorWritesAreRefused() {
        assertTrue(a.delivery().tick());
        assertFalse(b.delivery().tick());
        Await.result(b.append(Leads.json("orders", "x", "{}", T0)));
        Throwable refused = Await.failure(b.ledger().claimDue(T0.plusSeconds(1), 10));
        assertInstanceOf(DeliveryLease.NotLeaseHolderException.class, refused);
        assertEquals(1, Await.result(a.ledger().claimDue(T0.plusSeconds(1), 10)).size(), "the holder claims the lead b took");
        ClusterView view = b.cluster().orElseThrow();
        assertEquals("node-b", view.nodeId());
        assertEquals("node-a", view.delivery().owner());
        assertFalse(view.delivery().mine());
        assertEquals(List.of("node-a", "node-b"), view.nodes().stream().map(ClusterView.Node::id).toList());
        assertTrue(view.nodes().stream().allMatch(ClusterView.Node::alive));
    }

    @Test
    void aSilentHolder_losesTheLeaseAfterItsTtl_andIsFencedEvenBeforeItNotices() throws Exception {
        assertTrue(a.delivery().tick());
        long first = a.delivery().view().delivery().epoch();
        assertFalse(b.delivery().tick(), "not expired yet");
        Thread.sleep(TTL.toMillis() + 300);   // a stops renewing (paused, or killed)
        assertTrue(b.delivery().tick(), "b takes the expired lease");
        assertEquals(first + 1, b.delivery().view().delivery().epoch());
        Await.result(a.append(Leads.json("orders", "y", "{}", T0)));   // a still takes leads
        assertTrue(a.delivery().held(), "a has not noticed yet");
        Throwable refused = Await.failure(a.ledger().claimDue(T0.plusSeconds(1), 10));
        assertInstanceOf(DeliveryLease.NotLeaseHolderException.class, refused);
        assertEquals(1, Await.result(b.ledger().claimDue(T0.plusSeconds(1), 10)).size());
        assertFalse(a.delivery().tick(), "a's next heartbeat sees it lost the lease");
    }

    @Test
    void aGracefulClose_handsTheLeaseBackAtOnce() {
        List<String> heard = new ArrayList<>();
        b.delivery().onChange(new DeliveryLease.Listener() {
            @Override
            public void acquired(long epoch) {
                heard.add("acquired " + epoch);
            }

            @Override
            public void lost(long epoch) {
                heard.add("lost " + epoch);
            }
        });
        assertTrue(a.delivery().tick());
        Await.result(a.close());
        assertTrue(b.delivery().tick(), "no wait for the ttl");
        assertEquals(List.of("acquired 2"), heard);
        a = Await.result(PostgresJournal.open(vertx, url, "node-a", JournalOptions.defaults(), TTL));
    }

    @Test
    void connectionsTheServerDropped_areReplaced_andTheNextAppendIsStored() throws Exception {
        Await.result(a.append(Leads.json("orders", "before", "{}", T0)));
        try (java.sql.Connection admin = PgDatabases.connect(url); java.sql.Statement s = admin.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
        // the write and the read that meet the dead connections fail (their callers are told); the ones after work
        try {
            Await.result(a.append(Leads.json("orders", "lost-or-stored", "{}", T0)));
        } catch (RuntimeException expected) {
            // refused, not acknowledged: the sender retries
        }
        for (int i = 0; i < 4; i++) {
            try {
                Await.result(a.list(LeadQuery.all(10)));
            } catch (RuntimeException expected) {
                // one dead read connection per read until each is replaced
            }
        }
        Accepted after = Await.result(a.append(Leads.json("orders", "after", "{}", T0)));
        assertFalse(after.duplicate());
        assertTrue(a.healthy());
        assertTrue(Await.result(a.list(LeadQuery.all(10))).stream().anyMatch(r -> r.leadId().equals(after.leadId())));
    }
}
