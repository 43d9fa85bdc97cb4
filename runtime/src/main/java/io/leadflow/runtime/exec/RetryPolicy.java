package io.leadflow.runtime.exec;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When a failed step is tried again (RELIABILITY.md §6.3): the n-th retry waits
 * {@code steps[n-1]} (then {@code thenEvery}) with ±{@code jitter} spread, never less than the
 * CRM's {@code Retry-After}. When the Retry-After is the longer, the wait is spread after it (up to
 * {@code jitter} of it later), so the leads one answer told to wait do not all come back at the
 * same instant (a thundering herd at the CRM that has just recovered). After {@code giveUpAfter} since the run's first failure the lead
 * becomes a dead letter.
 */
public record RetryPolicy(List<Duration> steps, Duration thenEvery, double jitter, Duration giveUpAfter) {

    public RetryPolicy {
        steps = List.copyOf(steps);
        if (jitter < 0 || jitter >= 1) throw new IllegalArgumentException("jitter must be in [0, 1)");
    }

    /** Immediately, 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, then hourly, ±20 %, for up to 72 h. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1)),
                Duration.ofHours(1), 0.2, Duration.ofHours(72));
    }

    /** The wait before retry number {@code retry} (1 = first retry), honouring {@code retryAfter} (may be null). */
    public Duration delay(int retry, Duration retryAfter, RandomGenerator random) {
        Duration base = retry - 1 < steps.size() ? steps.get(Math.max(0, retry - 1)) : thenEvery;
        double factor = jitter == 0 ? 1 : 1 + (random.nextDouble() * 2 - 1) * jitter;
        Duration jittered = Duration.ofNanos((long) (base.toNanos() * factor));
        if (retryAfter == null || retryAfter.compareTo(jittered) <= 0) return jittered;
        return jitter == 0 ? retryAfter : retryAfter.plusNanos((long) (retryAfter.toNanos() * jitter * random.nextDouble()));
    }
}
