package io.leadflow.connector.http;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertEquals(Duration.ofSeconds(10), RetryAfter.parse(" 10 ", now));
    }

    @Test
    void readsHttpDate() {
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Mon, 23 Nov 2026 12:01:30 GMT", now));
    }

    @Test
    void pastDate_meansNoWait() {
        assertEquals(Duration.ZERO, RetryAfter.parse("Mon, 23 Nov 2026 11:00:00 GMT", now));
    }

    @Test
    void garbageOrAbsent_isNull() {
        assertNull(RetryAfter.parse("soon", now));
        assertNull(RetryAfter.parse(null, now));
        assertNull(RetryAfter.parse("-5", now));
    }
}
