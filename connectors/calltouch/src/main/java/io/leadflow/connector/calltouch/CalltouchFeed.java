package io.leadflow.connector.calltouch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.source.PullBatch;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Calltouch journal (calls: {@code callId}; requests: {@code requestId}) read from a durable
 * cursor (crm-apis section 7). The journals filter by whole days only ({@code dateFrom}/{@code dateTo},
 * day-first for calls, month-first for requests [C]: the API client spells them), so a read is
 * one day, every page of it, and the cursor is that day plus the ids already taken from it:
 * {@code {"day": "2026-11-20", "seen": [ids]}}. Records not seen become leads; the same day is read
 * again at the next poll until it is over (midnight in setting {@code journal_timezone}, default
 * Europe/Moscow [U]: which zone the journals' days are in, plus setting {@code settle_minutes}, default 10, for records written late);
 * then the cursor moves to the next day and {@code more} is true while that day has begun.
 * First read: setting {@code since} ({@code YYYY-MM-DD}), else today. A journal's order and
 * paging are the client's concern ({@code CalltouchApi}); a record without its id is refused.
 */
final class CalltouchFeed {
    /** One journal, whole days. */
    @FunctionalInterface
    interface Days {
        Future<List<JsonObject>> read(LocalDate from, LocalDate to, CallCount count);
    }

    private final Days journal;
    private final String idField;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration settle;
    private final LocalDate since;

    CalltouchFeed(Days journal, String idField, AccountConfig account, Clock clock) {
        this.journal = journal;
        this.idField = idField;
        this.clock = clock;
        try {
            this.zone = ZoneId.of(account.setting("journal_timezone", "Europe/Moscow"));
            this.settle = Duration.ofMinutes(account.longSetting("settle_minutes", 10));
            String s = account.setting("since", null);
            this.since = s == null ? null : LocalDate.parse(s.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("calltouch account '" + account.account() + "': settings journal_timezone, settle_minutes, since: "
                    + e.getMessage());
        }
    }

    Future<PullBatch> read(String cursor, CallCount count) {
        LocalDate day;
        Set<String> seen = new LinkedHashSet<>();
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        try {
            if (cursor == null) {
                day = since == null ? now.toLocalDate() : since;
            } else {
                JsonObject c = new JsonObject(cursor);
                day = LocalDate.parse(c.getString("day"));
                c.getJsonArray("seen", new JsonArray()).forEach(x -> seen.add(String.valueOf(x)));
            }
        } catch (DecodeException | DateTimeParseException | ClassCastException | NullPointerException e) {
            return Future.failedFuture(new PermanentException("Calltouch feed cursor '" + cursor + "' is not one this feed wrote", null, 0));
        }
        if (day.isAfter(now.toLocalDate())) return Future.succeededFuture(new PullBatch(List.of(), cursor(day, seen), false));
        LocalDate d = day;
        return journal.read(d, d, count).map(rows -> {
            List<ObjectNode> out = new ArrayList<>();
            for (JsonObject r : oldestFirst(rows)) {
                Object id = r.getValue(idField);
                if (id == null) throw new PermanentException("Calltouch answered a journal record without " + idField, null, 200);
                if (seen.add(String.valueOf(id))) out.add(node(r));
            }
            boolean over = !now.isBefore(d.plusDays(1).atStartOfDay().plus(settle));
            if (!over) return new PullBatch(out, cursor(d, seen), false);
            LocalDate next = d.plusDays(1);
            return new PullBatch(out, cursor(next, Set.of()), !next.isAfter(now.toLocalDate()));
        });
    }

    /**
     * The day's records oldest first: the journals' order is [U] (newest first is as likely), and
     * leads should be stored in the order they happened. By {@code date} (its spelling [P]), then
     * by a numeric id; records whose date does not read keep their place after the others.
     */
    private List<JsonObject> oldestFirst(List<JsonObject> rows) {
        List<JsonObject> sorted = new ArrayList<>(rows);
        java.util.Comparator<JsonObject> byDate = java.util.Comparator.comparing(
                r -> CalltouchDates.parse(r.getValue("date") instanceof String t ? t : null, zone).orElse(LocalDateTime.MAX));
        sorted.sort(byDate.thenComparing(r -> r.getValue(idField) instanceof Number n ? n.longValue() : Long.MAX_VALUE));
        return sorted;
    }

    private static String cursor(LocalDate day, Set<String> seen) {
        return new JsonObject().put("day", day.toString()).put("seen", new JsonArray(new ArrayList<>(seen))).encode();
    }

    private static ObjectNode node(JsonObject o) {
        try {
            return (ObjectNode) DatabindCodec.mapper().readTree(o.encode());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a JSON object that does not read back", e);
        }
    }
}
