package io.leadflow.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.leadflow.runtime.journal.sqlite.JournalOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Journal} must do (intake, dedupe, registry, replay requests, overload, close):
 * run against the embedded SQLite journal and the PostgreSQL one. A subclass opens the store.
 */
public abstract class JournalContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    protected Journal journal;

    /** Opens the store under test (the same one every time within a test) with these options. */
    protected abstract Journal open(JournalOptions options);

    protected void reopen() {
        Await.result(journal.close());
        journal = open(JournalOptions.defaults());
    }

    @Test
    void appendedLead_survivesReopenWithBodyAndHeaders() {
        Accepted a = Await.result(journal.append(Leads.json("orders", "o-1", "{\"phone\":\"+380671234567\"}", T0)));
        assertFalse(a.duplicate());
        reopen();
        LeadDetail d = Await.result(journal.get(a.leadId())).orElseThrow();
        assertEquals("{\"phone\":\"+380671234567\"}", new String(d.body(), StandardCharsets.UTF_8));
        assertEquals("test", d.headers().get("user-agent"));
        assertEquals(LeadStatus.PENDING, d.summary().status());
        assertEquals(T0, d.summary().receivedAt());
        assertEquals("o-1", d.sourceEventId());
    }

    @Test
    void sameSourceEventId_isOneLead_andTheRepeatIsRecordedAsItsDuplicate() {
        Accepted a = Await.result(journal.append(Leads.json("orders", "o-1", "{}", T0)));
        Accepted b = Await.result(journal.append(Leads.json("orders", "o-1", "{\"other\":1}", T0)));
        assertEquals(new Accepted(a.leadId(), true), b);
        List<LeadSummary> rows = Await.result(journal.list(LeadQuery.all(10)));
        assertEquals(2, rows.size());
        LeadSummary dup = rows.get(0);
        assertEquals(LeadStatus.DUPLICATE, dup.status());
        assertEquals(a.leadId(), dup.duplicateOf());
        assertTrue(dup.reason().contains("o-1"), dup.reason());
        assertEquals(LeadStatus.PENDING, rows.get(1).status());
        assertEquals(null, rows.get(1).duplicateOf());
        assertEquals("o-1", Await.result(journal.get(dup.leadId())).orElseThrow().sourceEventId());
        assertEquals(1, Await.result(journal.ledger().claimDue(T0.plusSeconds(1), 10)).size());
    }

    @Test
    void aRepeatedEventId_isADuplicateOnlyWithinItsWindow() {
        java.time.Duration day = java.time.Duration.ofDays(1);
        Accepted first = Await.result(journal.append(withWindow(Leads.json("orders", "o-9", "{}", T0), day)));
        Accepted retry = Await.result(journal.append(withWindow(Leads.json("orders", "o-9", "{}", T0.plus(day)), day)));
        assertEquals(new Accepted(first.leadId(), true), retry);
        Accepted later = Await.result(journal.append(withWindow(Leads.json("orders", "o-9", "{}", T0.plus(day).plusSeconds(1)), day)));
        assertFalse(later.duplicate());
        assertNotEquals(first.leadId(), later.leadId());
        // the id now belongs to the new lead: its repeats link to it
        Accepted again = Await.result(journal.append(withWindow(Leads.json("orders", "o-9", "{}", T0.plus(day).plusSeconds(2)), day)));
        assertEquals(new Accepted(later.leadId(), true), again);
        reopen();
        assertEquals("o-9", Await.result(journal.get(first.leadId())).orElseThrow().sourceEventId());
        long duplicates = Await.result(journal.list(LeadQuery.all(10))).stream().filter(r -> r.status() == LeadStatus.DUPLICATE).count();
        assertEquals(2, duplicates);
    }

    @Test
    void aRetryWithAnIdempotencyKey_afterAnEventIdDuplicate_answersTheFirstLead() {
        Accepted a = Await.result(journal.append(Leads.json("orders", "o-5", "{}", T0)));
        var keyed = new IncomingLead("orders", "shop", "o-5", "k-1", "{}".getBytes(StandardCharsets.UTF_8),
                "application/json", java.util.Map.of(), T0);
        assertEquals(new Accepted(a.leadId(), true), Await.result(journal.append(keyed)));
        assertEquals(new Accepted(a.leadId(), true), Await.result(journal.append(keyed)));
    }

    private static IncomingLead withWindow(IncomingLead l, java.time.Duration w) {
        return new IncomingLead(l.flow(), l.source(), l.sourceEventId(), l.idempotencyKey(), l.body(),
                l.contentType(), l.headers(), l.receivedAt(), w);
    }

    @Test
    void sameIdempotencyKey_isOneLead_differentKeysTwo() {
        Accepted a = Await.result(journal.append(Leads.keyed("k-1", "{}")));
        Accepted b = Await.result(journal.append(Leads.keyed("k-1", "{}")));
        Accepted c = Await.result(journal.append(Leads.keyed("k-2", "{}")));
        assertTrue(b.duplicate());
        assertEquals(a.leadId(), b.leadId());
        assertFalse(c.duplicate());
        assertNotEquals(a.leadId(), c.leadId());
    }

    @Test
    void leadsWithoutIds_areNeverDeduplicated() {
        Accepted a = Await.result(journal.append(Leads.json("orders", null, "{}", T0)));
        Accepted b = Await.result(journal.append(Leads.json("orders", null, "{}", T0)));
        assertNotEquals(a.leadId(), b.leadId());
    }

    @Test
    void concurrentDuplicates_inOneBatch_storeOneLead() {
        List<Future<Accepted>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) all.add(journal.append(Leads.json("orders", "same", "{}", T0)));
        var ids = new HashSet<String>();
        int fresh = 0;
        for (Future<Accepted> f : all) {
            Accepted a = Await.result(f);
            ids.add(a.leadId());
            if (!a.duplicate()) fresh++;
        }
        assertEquals(1, ids.size());
        assertEquals(1, fresh);
    }

    @Test
    void concurrentAppends_areGroupCommitted() {
        Stats before = Await.result(journal.stats());
        List<Future<Accepted>> all = new ArrayList<>();
        for (int i = 0; i < 64 * 8; i++) all.add(journal.append(Leads.json("orders", "c-" + i, "{}", T0)));
        all.forEach(Await::result);
        Stats after = Await.result(journal.stats());
        long commits = after.commits() - before.commits();
        long rows = after.rowsCommitted() - before.rowsCommitted();
        assertEquals(512, rows);
        assertTrue((double) rows / commits > 1, "mean batch " + (double) rows / commits);
        assertEquals(512, after.appendsAccepted());
    }

    @Test
    void fullQueue_refusesAppend_asOverloaded() {
        Await.result(journal.close());
        journal = open(JournalOptions.defaults().withQueueCapacity(1));
        List<Future<Accepted>> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) all.add(journal.append(Leads.json("orders", "q-" + i, "{}", T0)));
        long refused = all.stream().filter(f -> {
            try {
                Await.result(f);
                return false;
            } catch (JournalOverloadedException e) {
                return true;
            }
        }).count();
        assertTrue(refused > 0, "some appends refused");
        long acknowledged = all.size() - refused;
        assertEquals(acknowledged, Await.result(journal.stats()).leadsByStatus().get(LeadStatus.PENDING));
        assertTrue(Await.result(journal.stats()).appendsRejected() >= refused);
    }

    @Test
    void list_searchesIdsAndBodies_aPhoneInAnyFormat_anEmailInAnyCase_andNonAsciiText() {
        Await.result(journal.append(Leads.json("orders", "ev-1", "{\"order_id\": 7101, \"phone\": \"+38 (067) 555-01-01\", \"email\": \"Olha@Example.com\"}", T0)));
        Await.result(journal.append(Leads.json("orders", "ev-2", "{\"order_id\": 7102, \"phone\": \"067 555 01 02\", \"name\": \"Олена\"}", T0.plusSeconds(1))));
        Await.result(journal.append(Leads.json("calls", "ev-3", "{\"note\": \"nothing \\\\ here\"}", T0.plusSeconds(2))));
        Await.result(journal.append(new IncomingLead("forms", "shop", "ev-4", null, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'},
                "application/octet-stream", java.util.Map.of(), T0.plusSeconds(3))));
        java.util.function.Function<String, List<String>> search = q -> Await.result(journal.list(
                new LeadQuery(null, null, null, null, 10, null, q))).stream().map(LeadSummary::flow).toList();
        assertEquals(List.of("orders"), search.apply("0675550102"), "digits typed together find a phone stored with spaces");
        assertEquals(List.of("orders"), search.apply("+380675550101"), "an international number finds a bracketed one");
        assertEquals(List.of("orders"), search.apply("olha@example.COM"), "email, case-insensitive");
        assertEquals(List.of("orders"), search.apply("7102"), "order id");
        assertEquals(List.of("orders"), search.apply("Олена"), "non-ASCII text");
        assertEquals(List.of("calls"), search.apply("ev-3"), "the event id");
        assertEquals(List.of("calls"), search.apply("\\ here"), "a backslash");
        assertEquals(List.of("forms"), search.apply("ev-4"), "a body that is not UTF-8 does not break the search");
        assertEquals(0, search.apply("0679999999").size());
        assertEquals(4, search.apply("  ").size(), "blank: no filter");
    }

    @Test
    void list_filtersByFlowAndPagesByCursor() {
        for (int i = 0; i < 5; i++) Await.result(journal.append(Leads.json("orders", "a" + i, "{}", T0.plusSeconds(i))));
        Await.result(journal.append(Leads.json("calls", "b", "{}", T0)));
        List<LeadSummary> page1 = Await.result(journal.list(new LeadQuery("orders", null, null, null, 3, null)));
        List<LeadSummary> page2 = Await.result(journal.list(new LeadQuery("orders", null, null, null, 3, page1.get(2).cursor())));
        assertEquals(3, page1.size());
        assertEquals(2, page2.size());
        assertEquals(T0.plusSeconds(4), page1.get(0).receivedAt(), "newest first");
        assertEquals(T0, page2.get(1).receivedAt());
        List<LeadSummary> window = Await.result(journal.list(new LeadQuery(null, LeadStatus.PENDING, T0.plusSeconds(1), T0.plusSeconds(3), 10, null)));
        assertEquals(2, window.size());
    }

    @Test
    void replay_ofUnknownOrPendingLead_isRefused() {
        Accepted a = Await.result(journal.append(Leads.json("orders", "r", "{}", T0)));
        assertInstanceOf(UnknownLeadException.class, Await.failure(journal.requestReplay("nope", ReplayVersion.CURRENT)));
        assertInstanceOf(ReplayNotAllowedException.class, Await.failure(journal.requestReplay(a.leadId(), ReplayVersion.CURRENT)));
    }

    @Test
    void stats_countEveryStatus() {
        Await.result(journal.append(Leads.json("orders", "s", "{}", T0)));
        Stats s = Await.result(journal.stats());
        assertEquals(1L, s.leadsByStatus().get(LeadStatus.PENDING));
        assertEquals(0L, s.leadsByStatus().get(LeadStatus.DEAD));
        assertTrue(journal.healthy());
    }

    @Test
    void appendDuringOrAfterClose_isEitherStoredOrRefused_neverLeftHanging() {
        List<Future<Accepted>> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) all.add(journal.append(Leads.json("orders", "x" + i, "{}", T0)));
        Future<Void> closing = journal.close();
        for (int i = 300; i < 400; i++) all.add(journal.append(Leads.json("orders", "x" + i, "{}", T0)));
        Await.result(closing);
        long stored = 0;
        for (Future<Accepted> f : all) {
            try {
                Await.result(f);
                stored++;
            } catch (JournalClosedException e) {
                // refused, and said so
            }
        }
        journal = open(JournalOptions.defaults());
        assertEquals(stored, Await.result(journal.stats()).leadsByStatus().get(LeadStatus.PENDING),
                "every acknowledged append is stored, nothing else");
        assertTrue(stored >= 300, "what was queued before close is committed");
    }
}
