package io.leadflow.runtime.security;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** A source's intake rate, on the connectors' TokenBucket (one bucket for CRM calls and intake). */
class SourceRateTest {
    private static final long MS = 1_000_000L;

    @Test
    void burstPasses_thenTheCallerWaits_andTheBurstComesBackAfterBurstOverRate() {
        var bucket = SourceGuard.bucket(10, 3); // 3 in any 300 ms window: 10/s long-run, burst 3
        long t0 = 1_000 * MS;
        for (int i = 0; i < 3; i++) assertTrue(bucket.tryAcquire(t0).isZero(), "request " + i + " of the burst");
        assertFalse(bucket.tryAcquire(t0).isZero(), "a fourth at once must wait");
        assertFalse(bucket.tryAcquire(t0 + 299 * MS).isZero(), "still inside the window");
        assertTrue(bucket.tryAcquire(t0 + 300 * MS).isZero(), "the first permit is back one window later");
    }

    @Test
    void theWaitIsTheTimeUntilThePermitComesBack() {
        var bucket = SourceGuard.bucket(1, 2); // 2 per 2 s
        assertTrue(bucket.tryAcquire(0).isZero());
        assertTrue(bucket.tryAcquire(500 * MS).isZero());
        assertEquals(1_500 * MS, bucket.tryAcquire(500 * MS).toNanos());
    }
}
