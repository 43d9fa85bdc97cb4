package io.leadflow.dsl.builtin;

import static io.leadflow.dsl.eval.Values.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/** Reading and writing dates for the date builtins; every failure is null, never an exception. */
final class Temporals {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Temporals() { }

    static DateTimeFormatter formatter(JsonNode pattern) {
        if (isNull(pattern)) return null;
        try {
            return DateTimeFormatter.ofPattern(asText(pattern));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static ZoneId zone(JsonNode z) {
        if (isNull(z)) return java.time.ZoneOffset.UTC;
        try {
            return ZoneId.of(asText(z));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static ZonedDateTime parse(String text, DateTimeFormatter f, ZoneId zone) {
        try {
            TemporalAccessor t = f.parse(text.strip());
            if (t.isSupported(ChronoField.OFFSET_SECONDS) && t.isSupported(ChronoField.HOUR_OF_DAY)) {
                return OffsetDateTime.from(t).atZoneSameInstant(zone);
            }
            if (t.isSupported(ChronoField.HOUR_OF_DAY)) return LocalDateTime.from(t).atZone(zone);
            return LocalDate.from(t).atStartOfDay(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** ISO-8601 text with or without offset, a date alone, or epoch seconds. */
    static ZonedDateTime read(JsonNode v, ZoneId zone) {
        if (isNull(v)) return null;
        if (v.isNumber()) {
            BigDecimal s = v.decimalValue();
            if (s.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) return null;
            return Instant.ofEpochSecond(s.longValue()).atZone(zone);
        }
        String s = asText(v).strip();
        try {
            return OffsetDateTime.parse(s).atZoneSameInstant(zone);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(zone);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(s).atStartOfDay(zone);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    static String iso(ZonedDateTime t) {
        return ISO.format(t);
    }
}
