package io.leadflow.dsl;

/**
 * A rule failed on one lead; the message names the rule file position ({@code file:line:col}).
 * Thrown by {@link Flow#evaluate}, {@link Flow#decide} and {@link Flow#map}. A step-budget breach
 * is the subtype {@link RuleBudgetExceededException} (code LF901), so callers tell it apart by
 * type; every other failure is this class with its code.
 */
public class RuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final DiagnosticCode code;
    private final transient SourceSpan span;

    public RuleException(DiagnosticCode code, String message, SourceSpan span) {
        super(span.at() + ": " + code + ": " + message);
        this.code = code;
        this.span = span;
    }

    /** For subtypes and {@link #in}: the message as given, no position prefix added. */
    protected RuleException(DiagnosticCode code, SourceSpan span, String fullMessage) {
        super(fullMessage);
        this.code = code;
        this.span = span;
    }

    /** The same failure, naming the flow and the lead it happened on; keeps the subtype. */
    public RuleException in(String flow, com.fasterxml.jackson.databind.JsonNode lead) {
        if (getMessage().contains(" (flow \"")) return this;
        String id = lead == null ? "?" : java.util.stream.Stream.of("id", "order_id", "lead_id")
                .map(lead::get).filter(v -> v != null && !v.isNull()).findFirst().map(v -> v.asText()).orElse("?");
        return withMessage(getMessage() + " (flow \"" + flow + "\", lead " + id + ")");
    }

    /** A copy of this failure with another full message; subtypes return their own type. */
    protected RuleException withMessage(String fullMessage) {
        return new RuleException(code, span, fullMessage);
    }

    public DiagnosticCode code() {
        return code;
    }

    public SourceSpan span() {
        return span;
    }
}
