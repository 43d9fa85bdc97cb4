package io.leadflow.runtime.exec;

import java.time.Duration;

/**
 * The per-account circuit breaker's settings.
 *
 * @param threshold retryable failures in a row that open it
 * @param openFor   how long it stays open the first time (a CRM's Retry-After may lengthen it)
 * @param maxOpen   the longest open time after failed probes (each failed probe doubles it)
 */
public record BreakerPolicy(int threshold, Duration openFor, Duration maxOpen) {

    /** 5 failures, 10 s, at most 5 min. */
    public static BreakerPolicy defaults() {
        return new BreakerPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    AccountBreakers build() {
        return new AccountBreakers(threshold, openFor, maxOpen);
    }
}
