package io.leadflow.connector.horoshop;

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
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Horoshop orders ({@code orders/get}) or registrations ({@code users/export}) read from a
 * durable cursor (crm-apis section 6): closed time windows {@code [from, to]} ({@code from}/{@code to}
 * as {@code YYYY-MM-DD HH:mm:ss} [C since v3.30]) paged with {@code offset}/{@code limit} [C].
 * <ul>
 *   <li>A window is opened up to "now − {@code settle}" (default 60 s) in the shop's time zone
 *       (setting {@code timezone}, default Europe/Kyiv: which zone the API reads is [U]), so orders
 *       still being written fall into a later window, and the rows of a closed window do not change
 *       while it is paged (which offset paging needs).</li>
 *   <li>The window is read page by page ({@code more = true}) until a page is empty or
 *       {@code EMPTY} [C] (a page shorter than {@code limit} is not taken as the end: the largest
 *       page the shop answers is [U]); then the next window starts AT the old {@code to}
 *       (whether {@code to} is inclusive is [U]), skipping the records of that boundary second
 *       already read (their ids travel in the cursor), so neither reading of the bound loses or repeats one.</li>
 *   <li>{@code status} is NOT sent: a record that changes status while its window is paged would
 *       shift the offsets of the others. The {@code statuses} setting filters client-side on
 *       {@code stat_status} instead (orders only).</li>
 *   <li>Late edits: an order read once is not read again when it changes later (orders/get has no
 *       change feed [C]); its current state can be fetched with {@code ids[]}.</li>
 * </ul>
 * Cursor: JSON {@code {"from": "...", "to": "..."|null, "offset": n, "seen": [ids at from], "bound": [ids at to]}}.
 * First read: setting {@code since} ({@code YYYY-MM-DD}) 00:00:00, else 2000-01-01 (everything).
 */
final class HoroshopFeed {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final int LIMIT = 100;

    /** Horoshop's API as the feed needs it: one function called with the token added, the envelope checked. */
    @FunctionalInterface
    interface Calls {
        Future<JsonObject> call(String function, JsonObject params, CallCount count);
    }

    /** What one kind reads: the function, the list in {@code response}, the id and the time fields. */
    enum Kind {
        ORDERS("orders/get", "orders", "order_id", "stat_created"),
        REGISTRATIONS("users/export", "users", "id", "registered");

        final String function;
        final String list;
        final String id;
        final String time;

        Kind(String function, String list, String id, String time) {
            this.function = function;
            this.list = list;
            this.id = id;
            this.time = time;
        }
    }

    private final Calls api;
    private final Kind kind;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration settle;
    private final int limit;
    private final LocalDateTime start;
    private final Set<String> statuses;

    HoroshopFeed(Calls api, AccountConfig account, Clock clock) {
        this.api = api;
        this.clock = clock;
        String feed = account.setting("feed", "orders");
        this.kind = switch (feed) {
            case "orders" -> Kind.ORDERS;
            case "registrations" -> Kind.REGISTRATIONS;
            default -> throw bad(account, "feed must be orders or registrations, not '" + feed + "'");
        };
        try {
            this.zone = ZoneId.of(account.setting("timezone", "Europe/Kyiv"));
            this.settle = Duration.ofSeconds(account.longSetting("settle_seconds", 60));
            this.limit = (int) account.longSetting("page_limit", LIMIT);
            String since = account.setting("since", null);
            this.start = since == null ? LocalDateTime.of(2000, 1, 1, 0, 0) : LocalDate.parse(since.trim()).atStartOfDay();
        } catch (RuntimeException e) {
            throw bad(account, "settings timezone, settle_seconds, page_limit, since: " + e.getMessage());
        }
        if (limit < 1 || limit > 1000) throw bad(account, "page_limit must be 1..1000");
        String st = account.setting("statuses", null);
        this.statuses = st == null || st.isBlank() ? Set.of() : Set.of(st.trim().split("\\s*,\\s*"));
    }

    private static IllegalArgumentException bad(AccountConfig a, String what) {
        return new IllegalArgumentException("horoshop account '" + a.account() + "': " + what);
    }

    /**
     * @param seen  ids read at second {@code from} by the window before (skipped in this one)
     * @param bound ids read so far in this window at second {@code to} (the next window's {@code seen})
     */
    private record Cursor(LocalDateTime from, LocalDateTime to, int offset, Set<String> seen, Set<String> bound) {
        String text() {
            JsonObject o = new JsonObject().put("from", from.format(TIME)).put("to", to == null ? null : to.format(TIME))
                    .put("offset", offset).put("seen", new JsonArray(new ArrayList<>(seen)))
                    .put("bound", new JsonArray(new ArrayList<>(bound)));
            return o.encode();
        }

        static Cursor parse(String s) {
            JsonObject o = new JsonObject(s);
            String to = o.getString("to");
            return new Cursor(LocalDateTime.parse(o.getString("from"), TIME), to == null ? null : LocalDateTime.parse(to, TIME),
                    o.getInteger("offset", 0), ids(o, "seen"), ids(o, "bound"));
        }

        private static Set<String> ids(JsonObject o, String key) {
            Set<String> out = new LinkedHashSet<>();
            o.getJsonArray(key, new JsonArray()).forEach(x -> out.add(String.valueOf(x)));
            return out;
        }
    }

    Future<PullBatch> read(String cursorText, CallCount count) {
        Cursor c;
        try {
            c = cursorText == null ? new Cursor(start, null, 0, Set.of(), Set.of()) : Cursor.parse(cursorText);
        } catch (DecodeException | DateTimeParseException | ClassCastException | NullPointerException e) {
            return Future.failedFuture(new PermanentException("Horoshop feed cursor '" + cursorText + "' is not one this feed wrote", null, 0));
        }
        if (c.to() == null) {
            LocalDateTime to = LocalDateTime.now(clock.withZone(zone)).minus(settle).withNano(0);
            // to == from reads the boundary second again (what the last window saw there is skipped)
            if (to.isBefore(c.from())) return Future.succeededFuture(new PullBatch(List.of(), c.text(), false));
            c = new Cursor(c.from(), to, 0, c.seen(), Set.of());
        }
        Cursor window = c;
        JsonObject params = new JsonObject().put("from", window.from().format(TIME)).put("to", window.to().format(TIME))
                .put("offset", window.offset()).put("limit", limit);
        return api.call(kind.function, params, count).map(r -> page(window, r));
    }

    private PullBatch page(Cursor w, JsonObject answer) {
        JsonArray rows;
        if ("EMPTY".equals(answer.getString("status"))) {
            rows = new JsonArray();
        } else {
            Object resp = answer.getValue("response");
            rows = resp instanceof JsonObject o && o.getValue(kind.list) instanceof JsonArray a ? a : null;
            if (rows == null) {
                throw new PermanentException("Horoshop answered " + kind.function + " " + answer.getString("status")
                        + " without response." + kind.list, null, 200);
            }
        }
        List<ObjectNode> records = new ArrayList<>();
        Set<String> atBound = new LinkedHashSet<>(w.bound());
        String bound = w.to().format(TIME);
        for (Object o : rows) {
            if (!(o instanceof JsonObject row) || row.getValue(kind.id) == null) {
                throw new PermanentException("Horoshop's " + kind.function + " answered a record without " + kind.id, null, 200);
            }
            String id = String.valueOf(row.getValue(kind.id));
            if (bound.equals(row.getString(kind.time))) atBound.add(id);
            if (w.seen().contains(id)) continue; // read in the window before, at its boundary second
            if (!statuses.isEmpty() && !statuses.contains(String.valueOf(row.getValue("stat_status")))) continue;
            records.add(node(row));
        }
        // not "shorter than limit": the shop may cap a page below the limit asked for [U]; only an empty page ends the window
        if (!rows.isEmpty()) {
            return new PullBatch(records, new Cursor(w.from(), w.to(), w.offset() + rows.size(), w.seen(), atBound).text(), true);
        }
        // the window is read: the next one starts at its bound, minus what this one read at that second
        Cursor next = new Cursor(w.to(), null, 0, atBound, Set.of());
        return new PullBatch(records, next.text(), false);
    }

    private static ObjectNode node(JsonObject o) {
        try {
            return (ObjectNode) DatabindCodec.mapper().readTree(o.encode());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a JSON object that does not read back", e);
        }
    }
}
