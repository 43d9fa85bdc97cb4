package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code null}. */
public record NullExpr(SourceSpan span) implements LiteralExpr {
    @Override
    public Object constant() {
        return null;
    }
}
