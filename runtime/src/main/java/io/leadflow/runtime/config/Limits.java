package io.leadflow.runtime.config;

/**
 * Intake limits (RELIABILITY.md section 5). Defaults are the recommended settings.
 *
 * @param bodyBytes          largest accepted body (413 past it)
 * @param headerBytes        largest header block
 * @param jsonDepth          JSON nesting depth
 * @param jsonString         longest JSON string value
 * @param jsonNumber         longest JSON number, in characters
 * @param jsonName           longest JSON property name
 * @param jsonTokens         most JSON tokens per document
 * @param formFields         most fields in a form body
 * @param formValue          longest form field value
 * @param ratePerSecond      default per-source requests per second
 * @param burst              default per-source burst
 * @param signatureToleranceSeconds webhook timestamp tolerance
 * @param timeouts           how long a connection may take to send its headers and its body, and stay idle
 */
public record Limits(int bodyBytes, int headerBytes, int jsonDepth, int jsonString, int jsonNumber, int jsonName,
                     long jsonTokens, int formFields, int formValue, double ratePerSecond, double burst,
                     long signatureToleranceSeconds, Timeouts timeouts) {

    /**
     * Read deadlines against slow senders (slowloris, stalled bodies) and the cap on bodies read
     * before their sender is authenticated (signed requests, whose signature covers the body).
     *
     * @param headerMillis           from connection open (or the previous answer) to the end of the request's headers
     * @param bodyMillis             from the end of the headers to the end of the body
     * @param idleMillis             a connection with no traffic at all is closed after this
     * @param unauthenticatedBodies  most bodies read at once whose sender is not yet authenticated; past it 503
     */
    public record Timeouts(long headerMillis, long bodyMillis, long idleMillis, int unauthenticatedBodies) {
        public static final Timeouts DEFAULTS = new Timeouts(10_000, 30_000, 60_000, 64);
    }

    public static final Limits DEFAULTS = new Limits(256 * 1024, 8 * 1024, 64, 64 * 1024, 100, 1024,
            100_000, 256, 8192, 20_000, 40_000, 300, Timeouts.DEFAULTS);

    public Limits withRate(double perSecond, double newBurst) {
        return new Limits(bodyBytes, headerBytes, jsonDepth, jsonString, jsonNumber, jsonName, jsonTokens,
                formFields, formValue, perSecond, newBurst, signatureToleranceSeconds, timeouts);
    }

    public Limits withTimeouts(Timeouts next) {
        return new Limits(bodyBytes, headerBytes, jsonDepth, jsonString, jsonNumber, jsonName, jsonTokens,
                formFields, formValue, ratePerSecond, burst, signatureToleranceSeconds, next);
    }
}
