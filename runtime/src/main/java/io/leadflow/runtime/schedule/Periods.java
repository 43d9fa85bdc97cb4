package io.leadflow.runtime.schedule;

import io.leadflow.dsl.Program;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Which period an instant falls in. Without {@code at}, periods are multiples of {@code every}
 * counted from the epoch (UTC). With {@code at} ("03:00", in the clock's zone), periods start at
 * that time of day: every {@code every} from it when {@code every} is under a day, else on
 * days that are multiples of {@code every} counted from the epoch day.
 */
final class Periods {
    private Periods() { }

    static Instant start(Program.Schedule s, Instant now, ZoneId zone) {
        Duration every = s.every();
        if (every == null || every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException(s.at_() + ": schedule " + s.name() + " has no positive period");
        }
        if (s.at() == null) {
            long p = every.toMillis();
            return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), p) * p);
        }
        LocalTime at;
        try {
            at = LocalTime.parse(s.at());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(s.at_() + ": schedule " + s.name() + ": time of day '" + s.at() + "' is not HH:MM");
        }
        ZonedDateTime anchor = now.atZone(zone).toLocalDate().atTime(at).atZone(zone);
        if (anchor.toInstant().isAfter(now)) anchor = anchor.minusDays(1);
        if (every.compareTo(Duration.ofDays(1)) < 0) {
            long p = every.toMillis();
            long since = now.toEpochMilli() - anchor.toInstant().toEpochMilli();
            return anchor.toInstant().plusMillis(Math.floorDiv(since, p) * p);
        }
        long days = Math.max(1, every.toDays());
        long extra = Math.floorMod(anchor.toLocalDate().toEpochDay(), days);
        return anchor.minusDays(extra).toInstant();
    }
}
