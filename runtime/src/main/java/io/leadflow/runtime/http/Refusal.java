package io.leadflow.runtime.http;

/**
 * A request the edge will not take, with the status, a stable error code and a message that
 * says what is wrong. Carried as an exception inside a handler, answered as a JSON body.
 */
public final class Refusal extends RuntimeException {
    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public Refusal(int status, String code, String message) {
        this(status, code, message, 0);
    }

    public Refusal(int status, String code, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
