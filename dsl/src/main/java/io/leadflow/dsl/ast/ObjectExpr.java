package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code {key: value, "other key": value}}. */
public record ObjectExpr(List<Field> fields, SourceSpan span) implements Expr {
    public ObjectExpr {
        fields = List.copyOf(fields);
    }

    /** One {@code key: value}; the span starts at the key. */
    public record Field(String key, Expr value, SourceSpan span) implements Node { }
}
