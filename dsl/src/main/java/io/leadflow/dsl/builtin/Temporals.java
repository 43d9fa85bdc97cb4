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
        OffsetDateTime fast = fastOffset(s);
        if (fast != null) return fast.atZoneSameInstant(zone);
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

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ} and {@code yyyy-MM-ddTHH:mm:ss±hh:mm}, the shapes shops send, read
     * without the formatter machinery; null for anything else (then {@link OffsetDateTime#parse}
     * decides, also on an impossible date). The property TemporalsFastPathProperties holds it to
     * {@code OffsetDateTime.parse}.
     */
    static OffsetDateTime fastOffset(String s) {
        int n = s.length();
        if (n != 20 && n != 25) return null;
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') return null;
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) return null;
        java.time.ZoneOffset offset;
        if (n == 20) {
            if (s.charAt(19) != 'Z') return null;
            offset = java.time.ZoneOffset.UTC;
        } else {
            char sign = s.charAt(19);
            int oh = digits(s, 20, 2);
            int om = digits(s, 23, 2);
            if (sign != '+' && sign != '-' || s.charAt(22) != ':' || oh < 0 || om < 0) return null;
            try {
                offset = sign == '+' ? java.time.ZoneOffset.ofHoursMinutes(oh, om) : java.time.ZoneOffset.ofHoursMinutes(-oh, -om);
            } catch (DateTimeException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The ASCII digits at {@code from}, {@code count} of them, as a number; -1 when any is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String iso(ZonedDateTime t) {
        return ISO.format(t);
    }
}
