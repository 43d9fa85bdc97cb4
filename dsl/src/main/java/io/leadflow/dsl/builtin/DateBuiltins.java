package io.leadflow.dsl.builtin;

import static io.leadflow.dsl.builtin.Specs.*;
import static io.leadflow.dsl.eval.Values.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.eval.Type;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Dates with explicit patterns (java.time letters: {@code dd.MM.yyyy HH:mm}) and explicit time
 * zones (default UTC). Dates travel as ISO-8601 text with an offset; unreadable input is null.
 */
final class DateBuiltins {
    private DateBuiltins() { }

    static List<BuiltinSpec> specs() {
        return List.of(
                bound("date", "Reads text written in the pattern, in the zone (default UTC); gives ISO-8601 text.",
                        Type.STRING, List.of(p("text", Type.STRING), p("pattern", Type.STRING), opt("zone", Type.STRING)),
                        List.of(ex("date('01.03.2025 10:30', 'dd.MM.yyyy HH:mm', 'Europe/Kyiv')", "\"2025-03-01T10:30:00+02:00\""),
                                ex("date('01.03.2025', 'dd.MM.yyyy')", "\"2025-03-01T00:00:00Z\""),
                                ex("date('junk', 'dd.MM.yyyy')", "null")),
                        site -> {
                            PatternAndZone pz = new PatternAndZone(formatter(site, 1), zone(site, 2));
                            return (a, env) -> {
                                DateTimeFormatter f = pz.pattern(a);
                                ZoneId z = pz.zone(a);
                                if (isNull(a[0]) || f == null || z == null) return null;
                                ZonedDateTime t = Temporals.parse(asText(a[0]), f, z);
                                return t == null ? null : text(Temporals.iso(t));
                            };
                        }),
                bound("format_date", "Writes a date (ISO-8601 text or epoch seconds) in the pattern, in the zone (default UTC).",
                        Type.STRING, List.of(p("date", Type.ANY), p("pattern", Type.STRING), opt("zone", Type.STRING)),
                        List.of(ex("format_date('2025-03-01T08:30:00Z', 'dd.MM.yyyy HH:mm', 'Europe/Kyiv')", "\"01.03.2025 10:30\""),
                                ex("format_date(0, 'yyyy-MM-dd')", "\"1970-01-01\"")),
                        site -> {
                            PatternAndZone pz = new PatternAndZone(formatter(site, 1), zone(site, 2));
                            return (a, env) -> {
                                DateTimeFormatter f = pz.pattern(a);
                                ZoneId z = pz.zone(a);
                                ZonedDateTime t = f == null || z == null ? null : Temporals.read(a[0], z);
                                return t == null ? null : text(f.format(t.withZoneSameInstant(z)));
                            };
                        }),
                fn("timestamp", "Epoch seconds of a date (ISO-8601 text or a number of seconds).", Type.NUMBER,
                        List.of(p("date", Type.ANY)),
                        List.of(ex("timestamp('2025-03-01T00:00:00Z')", "1740787200")),
                        (a, env) -> {
                            ZonedDateTime t = Temporals.read(a[0], ZoneOffset.UTC);
                            return t == null ? null : num(t.toEpochSecond());
                        }),
                fn("now", "The current time of the run (the injected clock) as ISO-8601 UTC text.", Type.STRING, List.of(),
                        List.of(), (a, env) -> text(Temporals.iso(ZonedDateTime.now(env.clock()).withZoneSameInstant(ZoneOffset.UTC)))));
    }

    /** The pattern (argument 1) and zone (argument 2): fixed at compile time when constant, else read per call. */
    private record PatternAndZone(DateTimeFormatter fixed, ZoneId fixedZone) {
        DateTimeFormatter pattern(JsonNode[] a) {
            return fixed != null ? fixed : Temporals.formatter(a[1]);
        }

        ZoneId zone(JsonNode[] a) {
            return fixedZone != null ? fixedZone : Temporals.zone(a[2]);
        }
    }

    private static DateTimeFormatter formatter(Binding site, int i) {
        JsonNode c = site.constant(i);
        if (c == null) return null;
        DateTimeFormatter f = Temporals.formatter(c);
        if (f == null) site.error(i, DiagnosticCode.LF306, "invalid date pattern '" + asText(c) + "' (java.time letters, e.g. dd.MM.yyyy HH:mm)");
        return f;
    }

    private static ZoneId zone(Binding site, int i) {
        if (!site.given(i)) return ZoneOffset.UTC;
        JsonNode c = site.constant(i);
        if (c == null) return null;
        ZoneId z = Temporals.zone(c);
        if (z == null) site.error(i, DiagnosticCode.LF306, "unknown time zone '" + asText(c) + "' (e.g. Europe/Kyiv, UTC, +02:00)");
        return z;
    }

}
