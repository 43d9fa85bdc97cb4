package io.leadflow.connector.ratelimit;

/**
 * The clock and timer a {@link TokenBucket} runs on. Production uses {@link VertxTimers}; unit
 * tests use a manual clock so that rate-limit behaviour is checked without wall-clock sleeps.
 */
public interface Timers {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} once after {@code delayMillis} (at least 1 ms). */
    void schedule(long delayMillis, Runnable task);
}
