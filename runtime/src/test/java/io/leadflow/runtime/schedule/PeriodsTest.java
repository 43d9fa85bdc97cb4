package io.leadflow.runtime.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leadflow.dsl.Program;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodsTest {
    private static Instant start(Duration every, String at, String now, ZoneId zone) {
        return Periods.start(new Program.Schedule("s", every, at, "log", Map.of(), "f:1:1"), Instant.parse(now), zone);
    }

    @Test
    void withoutTimeOfDay_periodsAreMultiplesFromTheEpoch() {
        assertEquals(Instant.parse("2026-03-01T08:00:00Z"), start(Duration.ofHours(4), null, "2026-03-01T10:20:00Z", ZoneOffset.UTC));
    }

    @Test
    void dailyAtThree_startsAtThreeToday_orYesterdayBeforeThree() {
        assertEquals(Instant.parse("2026-03-01T03:00:00Z"), start(Duration.ofDays(1), "03:00", "2026-03-01T10:20:00Z", ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-02-28T03:00:00Z"), start(Duration.ofDays(1), "03:00", "2026-03-01T02:59:00Z", ZoneOffset.UTC));
    }

    @Test
    void timeOfDay_isInTheClocksZone() {
        assertEquals(Instant.parse("2026-03-01T01:00:00Z"),
                start(Duration.ofDays(1), "03:00", "2026-03-01T10:20:00Z", ZoneId.of("Europe/Kyiv")));
    }

    @Test
    void subDailyPeriod_countsFromTheTimeOfDay() {
        assertEquals(Instant.parse("2026-03-01T03:30:00Z"), start(Duration.ofMinutes(30), "03:00", "2026-03-01T03:47:00Z", ZoneOffset.UTC));
    }

    @Test
    void badTimeOfDay_isAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(Duration.ofDays(1), "3 am", "2026-03-01T03:47:00Z", ZoneOffset.UTC));
        assertEquals("f:1:1: schedule s: time of day '3 am' is not HH:MM", e.getMessage());
    }
}
