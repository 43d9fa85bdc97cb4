package io.leadflow.runtime.body;

/** A body that is not a lead, with the HTTP status and stable error code the edge answers with. */
public final class BodyRefusal extends RuntimeException {
    private final int status;
    private final String code;

    public BodyRefusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
