package io.leadflow.spi.error;

import java.time.Duration;

/** Timeouts before send, 5xx, 429 or a CRM's own "slow down"; {@code retryAfter} is null when the CRM named none. */
public final class RetryableException extends ConnectorException {
    private final Duration retryAfter;
    private final int status;

    public RetryableException(String message, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The HTTP status, or 0 for a transport failure. */
    public int status() {
        return status;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
