package io.leadflow.connector.retailcrm;

import io.leadflow.spi.error.PermanentException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A task's {@code datetime} in RetailCRM's {@code Y-m-d H:i} [C], from ISO or RetailCRM-style text. */
final class TaskTime {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TaskTime() { }

    static String format(String text) {
        String t = text.trim();
        if (t.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")) return t;
        if (t.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) return t.substring(0, 16);
        try {
            return OffsetDateTime.parse(t).toLocalDateTime().format(OUT);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).format(OUT);
            } catch (DateTimeParseException e2) {
                throw new PermanentException("task datetime '" + text + "' is not a date-time (use yyyy-MM-dd HH:mm)", "datetime", 0);
            }
        }
    }
}
