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

    @Test
    void jitter_spreadsRetries() {
        Random random = new Random(1);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int n = 0; n < 500; n++) {
            long d = defaults.delay(2, null, random).toMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(max - min > 1000, "spread " + min + ".." + max);
    }

    @Test
    void retryAfter_wins_whenLonger_only() {
        Random random = new Random(3);
        assertEquals(Duration.ofSeconds(90), defaults.delay(1, Duration.ofSeconds(90), random));
        assertTrue(defaults.delay(5, Duration.ofSeconds(1), random).compareTo(Duration.ofMinutes(8)) >= 0);
    }

    @Test
    void jitterOutsideRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(List.of(), Duration.ofSeconds(1), 1.5, Duration.ofHours(1)));
    }
}
