package io.leadflow.runtime.journal;

/** No lead has this id (the edge answers 404). */
public final class UnknownLeadException extends RuntimeException {
    public UnknownLeadException(String leadId) {
        super("no lead with id " + leadId, null, false, false);
    }
}
