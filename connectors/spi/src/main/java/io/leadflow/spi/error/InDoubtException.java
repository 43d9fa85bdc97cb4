package io.leadflow.spi.error;

/** The request was sent but no answer came (timeout, reset after send): reconcile before resending. */
public final class InDoubtException extends ConnectorException {
    public InDoubtException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
