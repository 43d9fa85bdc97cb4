package io.leadflow.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Journal} must do with pull-source cursors ({@link Journal#appendPulled}):
 * a subclass opens its journal; the PostgreSQL journal runs the same cases.
 */
public abstract class CursorContract {
    protected static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    /** The journal under test, empty. */
    protected abstract Journal journal();

    /** Closes and reopens the same store (a restart). */
    protected abstract Journal reopen();

    protected static IncomingLead pulled(String eventId) {
        return new IncomingLead("feed", "retailcrm", eventId, null, ("{\"id\":" + eventId + "}").getBytes(StandardCharsets.UTF_8),
                "application/json", Map.of(), T0, Duration.ofDays(30));
    }

    private static int leads(Journal j) {
        return Await.result(j.list(LeadQuery.all(1000))).size();
    }

    @Test
    void firstCommit_createsTheCursorAndStoresTheLeadsInOrder() {
        Journal j = journal();
        List<Accepted> a = Await.result(j.appendPulled(new PulledBatch("k", null, "2", List.of(pulled("1"), pulled("2")))));
        assertEquals(2, a.size());
        assertFalse(a.get(0).duplicate());
        assertNotEquals(a.get(0).leadId(), a.get(1).leadId());
        SourceCursor c = Await.result(j.cursor("k")).orElseThrow();
        assertEquals("2", c.position());
        assertEquals(2, c.leads());
        assertEquals(2, leads(j));
    }

    @Test
    void staleExpectedPosition_storesNothing() {
        Journal j = journal();
        Await.result(j.appendPulled(new PulledBatch("k", null, "2", List.of(pulled("1"), pulled("2")))));
        Throwable e = Await.failure(j.appendPulled(new PulledBatch("k", null, "3", List.of(pulled("3")))));
        CursorMovedException moved = assertInstanceOf(CursorMovedException.class, e);
        assertEquals("2", moved.actual());
        Throwable e2 = Await.failure(j.appendPulled(new PulledBatch("k", "1", "3", List.of(pulled("3")))));
        assertInstanceOf(CursorMovedException.class, e2);
        assertEquals(2, leads(j), "no lead of a refused batch is stored");
        assertEquals("2", Await.result(j.cursor("k")).orElseThrow().position());
    }

    @Test
    void aRecordReadAgain_isADuplicateOfTheFirstLead() {
        Journal j = journal();
        List<Accepted> first = Await.result(j.appendPulled(new PulledBatch("k", null, "2", List.of(pulled("1"), pulled("2")))));
        List<Accepted> again = Await.result(j.appendPulled(new PulledBatch("k", "2", "3", List.of(pulled("2"), pulled("3")))));
        assertTrue(again.get(0).duplicate());
        assertEquals(first.get(1).leadId(), again.get(0).leadId());
        assertFalse(again.get(1).duplicate());
        assertEquals("3", Await.result(j.cursor("k")).orElseThrow().position());
    }

    @Test
    void cursorsAreKeyed_andSurviveARestart() {
        Journal j = journal();
        Await.result(j.appendPulled(new PulledBatch("b", null, "10", List.of())));
        Await.result(j.appendPulled(new PulledBatch("a", null, "5", List.of(pulled("5")))));
        Await.result(j.appendPulled(new PulledBatch("a", "5", "6", List.of())));
        Journal after = reopen();
        List<SourceCursor> all = Await.result(after.cursors());
        assertEquals(List.of("a", "b"), all.stream().map(SourceCursor::key).toList());
        assertEquals("6", all.get(0).position());
        assertEquals(1, all.get(0).leads());
        assertEquals("10", all.get(1).position());
        assertTrue(Await.result(after.cursor("c")).isEmpty());
        assertEquals(1, leads(after));
    }
}
