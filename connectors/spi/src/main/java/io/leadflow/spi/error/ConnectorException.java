package io.leadflow.spi.error;

/** Base of the typed connector failures. Messages never contain credentials. */
public abstract sealed class ConnectorException extends RuntimeException
        permits RetryableException, PermanentException, AuthException, InDoubtException {

    protected ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether trying again later may succeed. */
    public abstract boolean retryable();
}
