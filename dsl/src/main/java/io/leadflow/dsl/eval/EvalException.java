package io.leadflow.dsl.eval;

import io.leadflow.dsl.SourceSpan;

/** A rule failed on one lead; the message names the rule file position ({@code file:line:col}). */
public final class EvalException extends RuntimeException {
    private final String code;
    private final transient SourceSpan span;

    public EvalException(String code, String message, SourceSpan span) {
        super(span.at() + ": " + code + ": " + message);
        this.code = code;
        this.span = span;
    }

    private EvalException(String code, String message, SourceSpan span, boolean raw) {
        super(message);
        this.code = code;
        this.span = span;
    }

    /** The same failure, naming the flow and the lead it happened on. */
    public EvalException in(String flow, com.fasterxml.jackson.databind.JsonNode lead) {
        if (getMessage().contains(" (flow \"")) return this;
        String id = lead == null ? "?" : java.util.stream.Stream.of("id", "order_id", "lead_id")
                .map(lead::get).filter(v -> v != null && !v.isNull()).findFirst().map(v -> v.asText()).orElse("?");
        return new EvalException(code, getMessage() + " (flow \"" + flow + "\", lead " + id + ")", span, true);
    }

    public String code() {
        return code;
    }

    public SourceSpan span() {
        return span;
    }
}
