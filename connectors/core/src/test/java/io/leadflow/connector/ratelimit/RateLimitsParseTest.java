package io.leadflow.connector.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.spi.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The account setting {@code rate_limit}: seconds, minutes or hours; anything else is refused with the expected shape. */
class RateLimitsParseTest {

    @Test
    void secondsMinutesAndHours_areRead() {
        RateLimit s = RateLimits.parse("100/60s");
        assertEquals(100, s.permits());
        assertEquals(Duration.ofSeconds(60), s.period());
        assertEquals(Duration.ofMinutes(1), RateLimits.parse("100/1m").period());
        assertEquals(Duration.ofHours(2), RateLimits.parse(" 5000 / 2h ").period());
        assertEquals(Duration.ofMillis(6500), RateLimits.parse("10/6.5s").period());
    }

    @Test
    void anythingElse_isRefused_sayingWhatItMustLookLike() {
        for (String bad : new String[] {"100", "100/", "100/m", "100/1d", "0/1s", "100/0s", "x/1s", "/1s", "100/-1m"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateLimits.parse(bad), bad);
            assertTrue(e.getMessage().contains("\"100/1m\"") && e.getMessage().contains(bad), e.getMessage());
        }
    }
}
