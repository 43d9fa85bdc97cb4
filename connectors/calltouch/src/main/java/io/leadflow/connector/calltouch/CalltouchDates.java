package io.leadflow.connector.calltouch;

import io.leadflow.spi.error.PermanentException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The date spellings Calltouch uses (crm-apis.md §7): the calls and deals journals take
 * {@code dd/mm/yyyy}, the requests journal {@code mm/dd/yyyy} [C]; the Deals API's dates are
 * {@code dd-mm-yyyy HH:MM:SS} [P: client code]. Order dates arrive as RetailCRM writes them
 * ({@code yyyy-MM-dd HH:mm:ss}, the account's local time) or as ISO text; a zoned time is moved
 * into the account's {@code timezone} (Calltouch's own zone for deal dates is [U]).
 */
final class CalltouchDates {
    static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter MONTH_FIRST = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    static final DateTimeFormatter DEAL_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");
    private static final List<DateTimeFormatter> LOCAL = List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME, DEAL_TIME, DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"));

    private CalltouchDates() { }

    /** A date-time as written in an order block; empty for null; a permanent error naming the field when unreadable. */
    static Optional<LocalDateTime> field(String text, String field, ZoneId zone) {
        if (text == null || text.isBlank()) return Optional.empty();
        Optional<LocalDateTime> t = parse(text.trim(), zone);
        if (t.isEmpty()) {
            throw new PermanentException("the order block's " + field + " '" + text + "' is not a date-time (yyyy-MM-dd HH:mm:ss or ISO)", field, 0);
        }
        return t;
    }

    /** A journal record's date, when it is in one of the known spellings; empty when it is not (the field's format is [P]). */
    static Optional<LocalDateTime> parse(String text, ZoneId zone) {
        if (text == null) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDateTime());
        } catch (DateTimeParseException e) {
            // not zoned
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return Optional.of(LocalDateTime.parse(text, f));
            } catch (DateTimeParseException e) {
                // next spelling
            }
        }
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
