package io.leadflow.connector.horoshop.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The emulator's reading of {@code orders/get} / {@code users/export} window parameters, from
 * crm-apis section 6 (never from the adapter): {@code from}, {@code to} as {@code YYYY-MM-DD} or
 * {@code DD.MM.YYYY}, optionally followed by {@code HH:mm:ss} [C]; a date alone means the whole
 * day; {@code offset}, {@code limit} [C]; {@code status} an id or a list of ids (orders) [C].
 * Records are listed in creation order [U]. Whether {@code to} is inclusive is [U]: inclusive
 * normally, exclusive in pessimistic mode. A date that does not parse is an {@code ERROR}.
 */
final class TimeWindow {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd"), DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    /** No maximum page size is documented [U]: this emulator caps it here. */
    static final int MAX_LIMIT = 500;

    private TimeWindow() { }

    /** The page, or an error message for {@code ERROR}. */
    record Page(List<JsonObject> records, String error) { }

    static Page select(List<JsonObject> all, JsonObject p, String timeField, boolean toExclusive) {
        LocalDateTime from;
        LocalDateTime to;
        try {
            from = bound(p.getValue("from"), false).orElse(LocalDateTime.MIN);
            to = bound(p.getValue("to"), true).orElse(LocalDateTime.MAX);
        } catch (DateTimeParseException | ClassCastException e) {
            return new Page(List.of(), "Invalid date format");
        }
        int offset = p.getValue("offset") instanceof Number n ? n.intValue() : 0;
        int limit = p.getValue("limit") instanceof Number n ? Math.min(n.intValue(), MAX_LIMIT) : MAX_LIMIT;
        Object status = p.getValue("status");
        LocalDateTime f = from;
        LocalDateTime t = to;
        List<JsonObject> in = all.stream().filter(r -> {
            LocalDateTime at = LocalDateTime.parse(r.getString(timeField), TIME);
            return !at.isBefore(f) && (toExclusive ? at.isBefore(t) : !at.isAfter(t));
        }).filter(r -> status == null || statusMatches(status, r.getValue("stat_status"))).toList();
        if (offset < 0 || limit < 1) return new Page(List.of(), "Invalid offset or limit");
        return new Page(in.subList(Math.min(offset, in.size()), Math.min(in.size(), offset + limit)), null);
    }

    private static boolean statusMatches(Object wanted, Object actual) {
        if (wanted instanceof JsonArray a) return a.stream().anyMatch(w -> String.valueOf(w).equals(String.valueOf(actual)));
        return String.valueOf(wanted).equals(String.valueOf(actual));
    }

    /** A date alone is the start of the day (from) or its last second (to). */
    private static Optional<LocalDateTime> bound(Object v, boolean end) {
        if (v == null) return Optional.empty();
        String s = ((String) v).trim();
        String date = s.length() > 10 ? s.substring(0, 10) : s;
        LocalDate d = null;
        for (DateTimeFormatter fmt : DATES) {
            try {
                d = LocalDate.parse(date, fmt);
                break;
            } catch (DateTimeParseException e) {
                // the other format
            }
        }
        if (d == null) throw new DateTimeParseException("not a date", s, 0);
        if (s.length() <= 10) return Optional.of(end ? d.atTime(23, 59, 59) : d.atStartOfDay());
        return Optional.of(LocalDateTime.of(d, java.time.LocalTime.parse(s.substring(10).trim())));
    }
}
