package io.leadflow.connector.emulator;

import io.leadflow.spi.RateLimit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The emulator's rate limit: at most {@code permits} accepted calls per key in any window of
 * one {@code period}, counted when each call arrives. Rejected calls do not count.
 */
public final class SlidingWindow {
    private final int permits;
    private final long periodNanos;
    private final Map<String, ArrayDeque<Long>> arrivals = new HashMap<>();

    public SlidingWindow(RateLimit limit) {
        this.permits = limit.permits();
        this.periodNanos = limit.period().toNanos();
    }

    /** Records the call and returns null when it is within the limit, else how long until a slot frees. */
    public synchronized Duration admit(String key, long nowNanos) {
        ArrayDeque<Long> q = arrivals.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!q.isEmpty() && q.peekFirst() <= nowNanos - periodNanos) q.pollFirst();
        if (q.size() < permits) {
            q.addLast(nowNanos);
            return null;
        }
        return Duration.ofNanos(q.peekFirst() + periodNanos - nowNanos);
    }

    public synchronized void reset() {
        arrivals.clear();
    }
}
