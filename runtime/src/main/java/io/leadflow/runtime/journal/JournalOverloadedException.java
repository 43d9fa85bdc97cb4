package io.leadflow.runtime.journal;

import java.time.Duration;

/** The writer queue is full: nothing was stored. The edge answers 503 with {@code Retry-After}. */
public final class JournalOverloadedException extends RuntimeException {
    private final Duration retryAfter;

    public JournalOverloadedException(int capacity, Duration retryAfter) {
        super("journal writer queue full (" + capacity + " waiting)", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
