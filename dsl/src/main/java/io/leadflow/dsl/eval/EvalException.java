package io.leadflow.dsl.eval;

import io.leadflow.dsl.SourceSpan;

/**
 * A rule failed on one lead; the message names the rule file position ({@code file:line:col}).
 * A step-budget breach is the subtype {@link io.leadflow.dsl.RuleBudgetExceededException} (code
 * LF901), so callers tell it apart by type; every other failure is this class with its code.
 */
public class EvalException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final transient SourceSpan span;

    public EvalException(String code, String message, SourceSpan span) {
        super(span.at() + ": " + code + ": " + message);
        this.code = code;
        this.span = span;
    }

    /** For subtypes and {@link #in}: the message as given, no position prefix added. */
    protected EvalException(String code, SourceSpan span, String fullMessage) {
        super(fullMessage);
        this.code = code;
        this.span = span;
    }

    /** The same failure, naming the flow and the lead it happened on; keeps the subtype. */
    public EvalException in(String flow, com.fasterxml.jackson.databind.JsonNode lead) {
        if (getMessage().contains(" (flow \"")) return this;
        String id = lead == null ? "?" : java.util.stream.Stream.of("id", "order_id", "lead_id")
                .map(lead::get).filter(v -> v != null && !v.isNull()).findFirst().map(v -> v.asText()).orElse("?");
        return withMessage(getMessage() + " (flow \"" + flow + "\", lead " + id + ")");
    }

    /** A copy of this failure with another full message; subtypes return their own type. */
    protected EvalException withMessage(String fullMessage) {
        return new EvalException(code, span, fullMessage);
    }

    public String code() {
        return code;
    }

    public SourceSpan span() {
        return span;
    }
}
