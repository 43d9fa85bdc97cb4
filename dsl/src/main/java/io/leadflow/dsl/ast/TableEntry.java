package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.Optional;

/** {@code key -> value}, or {@code default -> value} when the key is empty. */
public record TableEntry(Optional<LiteralExpr> key, Expr value, SourceSpan span) implements Node {
    public boolean isDefault() {
        return key.isEmpty();
    }
}
