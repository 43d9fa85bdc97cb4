package io.leadflow.spi.error;

/** Credentials refused (401/403 or the CRM's equivalent): an account-level alert, not a retry. */
public final class AuthException extends ConnectorException {
    public AuthException(String message) {
        super(message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
