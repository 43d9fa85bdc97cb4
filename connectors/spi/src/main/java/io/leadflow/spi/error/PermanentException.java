package io.leadflow.spi.error;

/** The CRM refused the request (validation and other 4xx); retrying will not help. Carries the CRM's own words. */
public final class PermanentException extends ConnectorException {
    private final String crmMessage;
    private final String field;
    private final int status;

    public PermanentException(String crmMessage, String field, int status) {
        super(field == null ? crmMessage : field + ": " + crmMessage, null);
        this.crmMessage = crmMessage;
        this.field = field;
        this.status = status;
    }

    public String crmMessage() {
        return crmMessage;
    }

    /** The field the CRM named, or null. */
    public String field() {
        return field;
    }

    public int status() {
        return status;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
