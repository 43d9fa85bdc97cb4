package io.leadflow.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    @Test
    void burstThenRefill_atTheConfiguredRate() {
        TokenBucket b = new TokenBucket(10, 3, 0);
        assertEquals(0, b.tryTake(0));
        assertEquals(0, b.tryTake(0));
        assertEquals(0, b.tryTake(0));
        assertTrue(b.tryTake(0) >= 1, "empty bucket asks the caller to wait");
        assertEquals(0, b.tryTake(100_000_000L), "one token back after 100 ms at 10/s");
    }
}
