package io.leadflow.connector.horoshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.source.PullBatch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The window-and-offset cursor against a shop whose {@code to} bound is inclusive, and one where
 * it is exclusive (the reference does not say): every order read exactly once either way,
 * boundary-second orders included, pages of 7, orders arriving between reads.
 */
class HoroshopFeedTest {
    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    /** A fake orders/get: orders by stat_created, filtered by [from, to] (to inclusive or not), in creation order, offset/limit; EMPTY when none. */
    static final class Shop implements HoroshopFeed.Calls {
        final List<JsonObject> orders = new ArrayList<>();
        final boolean toInclusive;
        final List<JsonObject> calls = new ArrayList<>();

        Shop(boolean toInclusive) {
            this.toInclusive = toInclusive;
        }

        void order(int id, LocalDateTime at, int status) {
            orders.add(new JsonObject().put("order_id", id).put("stat_created", at.format(HoroshopFeed.TIME)).put("stat_status", status));
        }

        @Override
        public Future<JsonObject> call(String function, JsonObject p, CallCount count) {
            calls.add(p.copy());
            LocalDateTime from = LocalDateTime.parse(p.getString("from"), HoroshopFeed.TIME);
            LocalDateTime to = LocalDateTime.parse(p.getString("to"), HoroshopFeed.TIME);
            List<JsonObject> in = orders.stream().filter(o -> {
                LocalDateTime t = LocalDateTime.parse(o.getString("stat_created"), HoroshopFeed.TIME);
                return !t.isBefore(from) && (toInclusive ? !t.isAfter(to) : t.isBefore(to));
            }).toList();
            int off = p.getInteger("offset");
            List<JsonObject> page = in.subList(Math.min(off, in.size()), Math.min(in.size(), off + p.getInteger("limit")));
            if (page.isEmpty()) return Future.succeededFuture(new JsonObject().put("status", "EMPTY").put("response", new JsonObject()));
            return Future.succeededFuture(new JsonObject().put("status", "OK").put("response", new JsonObject().put("orders", new JsonArray(page))));
        }
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return Clock.fixed(now, zone); }
        @Override public Instant instant() { return now; }
    }

    static AccountConfig account(Map<String, String> settings) {
        return new AccountConfig("horoshop", "shop", "http://x", Map.of(), settings);
    }

    private static List<String> pullAll(HoroshopFeed feed, String[] cursor) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            PullBatch b = feed.read(cursor[0], new CallCount()).result();
            b.records().forEach(r -> ids.add(r.get("order_id").asText()));
            cursor[0] = b.cursor();
            if (!b.more()) return ids;
        }
        throw new AssertionError("still more after 200 reads");
    }

    private void everyOrderOnce(boolean inclusive) {
        Shop shop = new Shop(inclusive);
        LocalDateTime t0 = LocalDateTime.of(2026, 11, 20, 9, 0, 0);
        MutableClock clock = new MutableClock(t0.plusMinutes(10).atZone(KYIV).toInstant());
        int id = 1;
        for (; id <= 30; id++) shop.order(id, t0.plusSeconds(id * 7L), 1);
        // three orders in the very second the first window will end at (now - 60 s)
        LocalDateTime bound = t0.plusMinutes(9);
        for (int k = 0; k < 3; k++) shop.order(id++, bound, 1);
        HoroshopFeed feed = new HoroshopFeed(shop, account(Map.of("page_limit", "7", "since", "2026-11-20")), clock);
        String[] cursor = {null};
        List<String> first = pullAll(feed, cursor);
        assertEquals(inclusive ? 33 : 30, first.size(), "window [since, now-60s]: " + first);
        // later: more orders, one more in the old bound second (written late, within settle)
        for (int k = 0; k < 12; k++) shop.order(id++, bound.plusSeconds(1 + k), 1);
        clock.now = clock.now.plusSeconds(600);
        List<String> second = pullAll(feed, cursor);
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertEquals(45, all.size(), all.toString());
        assertEquals(45, all.stream().distinct().count(), "no order twice: " + all);
        assertTrue(pullAll(feed, cursor).isEmpty(), "nothing new, nothing read");
    }

    @Test
    void everyOrderReadExactlyOnce_whenToIsInclusive() {
        everyOrderOnce(true);
    }

    @Test
    void everyOrderReadExactlyOnce_whenToIsExclusive() {
        everyOrderOnce(false);
    }

    @Test
    void statusIsFilteredHere_notSentToTheApi_andTheWindowWaitsForSettle() {
        Shop shop = new Shop(true);
        LocalDateTime t0 = LocalDateTime.of(2026, 11, 20, 9, 0, 0);
        shop.order(1, t0, 1);
        shop.order(2, t0.plusSeconds(1), 4);
        shop.order(3, t0.plusSeconds(2), 1);
        MutableClock clock = new MutableClock(t0.plusSeconds(30).atZone(KYIV).toInstant());
        HoroshopFeed feed = new HoroshopFeed(shop, account(Map.of("since", "2026-11-20", "statuses", "1,2")), clock);
        String[] cursor = {null};
        assertEquals(List.of(), pullAll(feed, cursor), "the window ends 60 s before now (08:59:30): orders of 09:00 wait");
        clock.now = clock.now.plusSeconds(300);
        assertEquals(List.of("1", "3"), pullAll(feed, cursor), "status 4 filtered out here");
        assertFalse(shop.calls.stream().anyMatch(c -> c.containsKey("status")), "status never sent: " + shop.calls);
        assertEquals("2026-11-20 00:00:00", shop.calls.get(0).getString("from"));
        assertEquals("2026-11-20 09:04:30", shop.calls.get(shop.calls.size() - 1).getString("to"), "times in the shop's zone");
    }
}
