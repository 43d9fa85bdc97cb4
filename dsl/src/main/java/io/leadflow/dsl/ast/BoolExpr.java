package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code true} or {@code false}. */
public record BoolExpr(boolean value, SourceSpan span) implements LiteralExpr {
    @Override
    public Object constant() {
        return value;
    }
}
