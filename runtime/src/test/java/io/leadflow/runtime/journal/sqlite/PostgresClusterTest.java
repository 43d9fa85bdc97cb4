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
import io.leadflow.runtime.journal.Ledger;
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

/** Two journals (two nodes) on one PostgreSQL database: global dedupe, the coordinator lease, the partitions and their fencing. */
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
    void oneNodeCoordinates_theOtherTakesLeads_butItsRoutingWritesAreRefused() {
        assertTrue(a.leases().tick());
        assertFalse(b.leases().tick());
        Await.result(b.append(Leads.json("orders", "x", "{}", T0)));
        List<Ledger.ClaimedLead> claimed = Await.result(a.ledger().claimDue(T0.plusSeconds(1), 10));
        assertEquals(1, claimed.size(), "the coordinator claims the lead b took, to route it");
        ClusterView view = b.cluster().orElseThrow();
        assertEquals("node-b", view.nodeId());
        assertEquals("node-a", view.coordinator().owner());
        assertFalse(view.coordinator().mine());
        assertEquals(List.of("node-a", "node-b"), view.nodes().stream().map(ClusterView.Node::id).toList());
        assertTrue(view.nodes().stream().allMatch(ClusterView.Node::alive));
    }

    @Test
    void twoNodes_splitThePartitionsFairly_andNeverHoldTheSameOne() {
        assertTrue(a.leases().tick());
        assertEquals(32, a.leases().held().size(), "alone, a takes every partition");
        b.leases().tick();
        assertTrue(b.leases().held().isEmpty(), "none is free yet");
        a.leases().tick();
        assertEquals(16, a.leases().held().size(), "a gives back what is over its fair share");
        b.leases().tick();
        assertEquals(16, b.leases().held().size(), "b takes them");
        Set<Integer> both = new HashSet<>(a.leases().held());
        both.retainAll(b.leases().held());
        assertTrue(both.isEmpty(), "no partition held twice: " + both);
        assertEquals(List.of(16, 16), b.cluster().orElseThrow().nodes().stream().map(ClusterView.Node::partitions).toList());
    }

    @Test
    void contactLanesThatDifferInTheirLastDigits_spreadOverThePartitions() {
        int[] per = new int[32];
        for (int k = 0; k < 200; k++) per[ClusterLeases.partitionOf("fake/main|+38067" + String.format("%07d", k), 32)]++;
        int firstHalf = 0;
        for (int i = 0; i < 16; i++) firstHalf += per[i];
        assertTrue(firstHalf >= 80 && firstHalf <= 120, "two nodes get about half each: " + firstHalf + " of 200");
        assertTrue(java.util.Arrays.stream(per).allMatch(c -> c > 0 && c <= 16), java.util.Arrays.toString(per));
    }

    @Test
    void aLeadIsRoutedByTheCoordinator_andDeliveredOnlyByThePartitionsHolder() {
        a.leases().tick();
        b.leases().tick();
        a.leases().tick();
        b.leases().tick();
        Await.result(a.append(Leads.json("orders", "r", "{}", T0)));
        Ledger.ClaimedLead lead = Await.result(a.ledger().claimDue(T0.plusSeconds(1), 10)).get(0);
        String lane = "fake/t2|phone:+380501112233";
        int part = ClusterLeases.partitionOf(lane, 32);
        Await.result(a.ledger().routing().orElseThrow().route(lead.leadId(), lane));
        PostgresJournal holder = a.leases().held().contains(part) ? a : b;
        PostgresJournal other = holder == a ? b : a;
        assertTrue(Await.result(other.deliveryLedger(other.leases().held()).claimDue(T0.plusSeconds(1), 10)).isEmpty(),
                "not the other node's partition");
        assertTrue(Await.result(a.ledger().claimDue(T0.plusSeconds(1), 10)).isEmpty(), "routed: the coordinator does not claim it again");
        List<Ledger.ClaimedLead> mine = Await.result(holder.deliveryLedger(holder.leases().held()).claimDue(T0.plusSeconds(1), 10));
        assertEquals(List.of(lead.leadId()), mine.stream().map(Ledger.ClaimedLead::leadId).toList());
    }

    @Test
    void aSilentNode_losesItsLeasesAfterTheTtl_andIsFencedEvenBeforeItNotices() throws Exception {
        assertTrue(a.leases().tick());
        long first = a.leases().view().coordinator().epoch();
        assertFalse(b.leases().tick(), "not expired yet");
        Thread.sleep(TTL.toMillis() + 300);   // a stops renewing (paused, or killed)
        assertTrue(b.leases().tick(), "b takes the expired coordinator lease");
        assertEquals(first + 1, b.leases().view().coordinator().epoch());
        assertEquals(32, b.leases().held().size(), "and a's expired partitions (a is not alive any more)");
        Await.result(a.append(Leads.json("orders", "y", "{}", T0)));   // a still takes leads
        assertTrue(a.leases().coordinator(), "a has not noticed yet");
        Throwable refused = Await.failure(a.ledger().claimDue(T0.plusSeconds(1), 10));
        assertInstanceOf(ClusterLeases.NotLeaseHolderException.class, refused);
        Throwable refusedToo = Await.failure(a.deliveryLedger(a.leases().held()).claimDue(T0.plusSeconds(1), 10));
        assertInstanceOf(ClusterLeases.NotLeaseHolderException.class, refusedToo);
        assertEquals(1, Await.result(b.ledger().claimDue(T0.plusSeconds(1), 10)).size());
        assertFalse(a.leases().tick(), "a's next heartbeat sees it lost the coordinator lease");
        assertTrue(a.leases().held().isEmpty(), "and its partitions");
    }

    @Test
    void aGracefulClose_handsTheLeasesBackAtOnce() {
        List<String> heard = new ArrayList<>();
        b.leases().onChange(new ClusterLeases.Listener() {
            @Override
            public void coordinatorAcquired(long epoch) {
                heard.add("coordinator " + epoch);
            }

            @Override
            public void coordinatorLost(long epoch) {
                heard.add("lost " + epoch);
            }

            @Override
            public void partitions(Set<Integer> held) {
                heard.add("partitions " + held.size());
            }
        });
        assertTrue(a.leases().tick());
        Await.result(a.close());
        assertTrue(b.leases().tick(), "no wait for the ttl");
        assertEquals(List.of("coordinator 2", "partitions 32"), heard, "a is gone: b takes every partition at once");
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
