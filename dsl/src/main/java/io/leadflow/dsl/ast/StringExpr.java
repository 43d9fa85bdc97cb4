package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** A string without holes ({@code 'raw'} or {@code "plain"}), escapes already resolved. */
public record StringExpr(String value, SourceSpan span) implements LiteralExpr {
    @Override
    public Object constant() {
        return value;
    }
}
