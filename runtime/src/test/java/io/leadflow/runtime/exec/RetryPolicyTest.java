package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy defaults = RetryPolicy.defaults();

    @Test
    void defaults_followTheScheduleWithinTwentyPercent() {
        List<Duration> base = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
        Random random = new Random(7);
        for (int retry = 1; retry <= base.size(); retry++) {
            for (int n = 0; n < 200; n++) {
                long got = defaults.delay(retry, null, random).toMillis();
                long want = base.get(retry - 1).toMillis();
                assertTrue(got >= want * 0.8 - 1 && got <= want * 1.2 + 1, "retry " + retry + ": " + got + " ms");
            }
        }
        assertEquals(Duration.ofHours(72), defaults.giveUpAfter());
    }

    /** The shortest and longest of {@code n} waits for retry {@code retry}, in ms. */
    private long[] range(int n, int retry, Duration retryAfter, Random random) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < n; i++) {
            long d = defaults.delay(retry, retryAfter, random).toMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return new long[] {min, max};
    }

    @Test
    void jitter_spreadsRetries() {
        long[] r = range(500, 2, null, new Random(1));
        assertTrue(r[1] - r[0] > 1000, "spread " + r[0] + ".." + r[1]);
    }

    @Test
    void retryAfter_wins_whenLonger_only() {
        Random random = new Random(3);
        Duration d = defaults.delay(1, Duration.ofSeconds(90), random);
        assertTrue(d.compareTo(Duration.ofSeconds(90)) >= 0 && d.compareTo(Duration.ofSeconds(108)) <= 0, "never before Retry-After: " + d);
        assertTrue(defaults.delay(5, Duration.ofSeconds(1), random).compareTo(Duration.ofMinutes(8)) >= 0);
    }

    @Test
    void leadsToldTheSameRetryAfter_comeBackSpreadOverAFifthOfIt_neverBefore() {
        long[] r = range(1_000, 1, Duration.ofSeconds(10), new Random(5));
        assertTrue(r[0] >= 10_000, "before the Retry-After: " + r[0]);
        assertTrue(r[1] <= 12_000 && r[1] - r[0] > 1_500, "spread " + r[0] + ".." + r[1]);
        assertEquals(Duration.ofSeconds(10), new RetryPolicy(List.of(Duration.ZERO), Duration.ZERO, 0, Duration.ofHours(1))
                .delay(1, Duration.ofSeconds(10), new Random(5)), "no jitter: exactly the Retry-After");
    }

    @Test
    void jitterOutsideRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(List.of(), Duration.ofSeconds(1), 1.5, Duration.ofHours(1)));
    }
}
