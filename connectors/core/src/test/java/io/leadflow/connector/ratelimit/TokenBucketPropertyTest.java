package io.leadflow.connector.ratelimit;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the arrival pattern and call durations, no window of one period holds more than the permits. */
class TokenBucketPropertyTest {

    @Property(tries = 200)
    void neverMoreThanThePermitsInAnyWindow(@ForAll @IntRange(min = 1, max = 20) int permits,
                                            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 300) Integer> gapsMs,
                                            @ForAll @IntRange(min = 0, max = 400) int callMs) {
        ManualTimers timers = new ManualTimers();
        TokenBucket bucket = new TokenBucket(timers, permits, Duration.ofSeconds(1), Duration.ZERO);
        List<long[]> calls = new ArrayList<>();
        for (int gap : gapsMs) {
            timers.advanceMillis(gap);
            bucket.take().onSuccess(p -> {
                long start = timers.nanoTime();
                calls.add(new long[] {start});
                timers.schedule(Math.max(1, callMs), p::release);
            });
        }
        // long enough for the worst case: one permit, each call answered late, then a period + its 1% (≤ 200 ms) before reuse
        timers.advanceMillis((long) gapsMs.size() * (Math.max(1, callMs) + 1_200L) + 1_000L);
        assertEquals(gapsMs.size(), calls.size(), "every request was served");
        for (int i = permits; i < calls.size(); i++) {
            assertTrue(calls.get(i)[0] - calls.get(i - permits)[0] >= 1_000_000_000L, "more than " + permits + " calls inside one second");
        }
    }
}
