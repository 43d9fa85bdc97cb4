package io.leadflow.connector.calltouch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.source.PullBatch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The day cursor: a day re-read until it is over (records added meanwhile taken once), then the next; a backfill walks the days. */
class CalltouchFeedTest {
    static final ZoneId MSK = ZoneId.of("Europe/Moscow");

    static final class Clk extends Clock {
        Instant now;
        Clk(LocalDateTime local) { now = local.atZone(MSK).toInstant(); }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId z) { return Clock.fixed(now, z); }
        @Override public Instant instant() { return now; }
    }

    final List<JsonObject> calls = new ArrayList<>();
    final List<LocalDate> asked = new ArrayList<>();

    Future<List<JsonObject>> journal(LocalDate from, LocalDate to, CallCount c) {
        asked.add(from);
        assertEquals(from, to, "one day a read");
        return Future.succeededFuture(calls.stream().filter(r -> r.getString("day").equals(from.toString())).toList());
    }

    void call(int id, LocalDate day) {
        calls.add(new JsonObject().put("callId", id).put("day", day.toString()));
    }

    static AccountConfig account(Map<String, String> s) {
        return new AccountConfig("calltouch", "main", "http://x", Map.of(), s);
    }

    private List<String> pullAll(CalltouchFeed feed, String[] cursor) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            PullBatch b = feed.read(cursor[0], new CallCount()).result();
            b.records().forEach(r -> ids.add(r.get("callId").asText()));
            cursor[0] = b.cursor();
            if (!b.more()) return ids;
        }
        throw new AssertionError("more after 100 reads");
    }

    @Test
    void aBackfillWalksTheDays_andTodayIsReReadUntilItIsOver() {
        LocalDate d1 = LocalDate.of(2026, 11, 18);
        call(1, d1);
        call(2, d1);
        call(3, d1.plusDays(2));
        Clk clock = new Clk(d1.plusDays(2).atTime(12, 0));
        CalltouchFeed feed = new CalltouchFeed(this::journal, "callId", account(Map.of("since", "2026-11-18")), clock);
        String[] cursor = {null};
        assertEquals(List.of("1", "2", "3"), pullAll(feed, cursor));
        assertEquals(List.of(d1, d1.plusDays(1), d1.plusDays(2)), asked);
        call(4, d1.plusDays(2));
        assertEquals(List.of("4"), pullAll(feed, cursor), "only what is new today");
        call(5, d1.plusDays(2));                      // written late, read before the settle time is over
        clock.now = d1.plusDays(3).atTime(0, 5).atZone(MSK).toInstant();
        assertEquals(List.of("5"), pullAll(feed, cursor));
        assertTrue(cursor[0].contains("2026-11-20"), "still the 20th until 00:10: " + cursor[0]);
        clock.now = d1.plusDays(3).atTime(0, 11).atZone(MSK).toInstant();
        call(6, d1.plusDays(3));
        assertEquals(List.of("6"), pullAll(feed, cursor), "the 20th is over, the 21st read at once");
        assertTrue(cursor[0].contains("2026-11-21"), cursor[0]);
        assertTrue(pullAll(feed, cursor).isEmpty());
    }

    @Test
    void withoutSince_startsToday() {
        LocalDate today = LocalDate.of(2026, 11, 20);
        call(1, today.minusDays(1));
        call(2, today);
        CalltouchFeed feed = new CalltouchFeed(this::journal, "callId", account(Map.of()), new Clk(today.atTime(9, 0)));
        assertEquals(List.of("2"), pullAll(feed, new String[] {null}));
        assertFalse(asked.contains(today.minusDays(1)));
    }
}
