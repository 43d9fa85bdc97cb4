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
 */
public record Limits(int bodyBytes, int headerBytes, int jsonDepth, int jsonString, int jsonNumber, int jsonName,
                     long jsonTokens, int formFields, int formValue, double ratePerSecond, double burst,
                     long signatureToleranceSeconds) {

    public static final Limits DEFAULTS = new Limits(256 * 1024, 8 * 1024, 64, 64 * 1024, 100, 1024,
            100_000, 256, 8192, 20_000, 40_000, 300);

    public Limits withRate(double perSecond, double newBurst) {
        return new Limits(bodyBytes, headerBytes, jsonDepth, jsonString, jsonNumber, jsonName, jsonTokens,
                formFields, formValue, perSecond, newBurst, signatureToleranceSeconds);
    }
}
