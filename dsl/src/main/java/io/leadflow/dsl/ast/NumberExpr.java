package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.math.BigDecimal;

/** A number literal; {@code -5} is one literal, not a negation. */
public record NumberExpr(BigDecimal value, SourceSpan span) implements LiteralExpr {
    @Override
    public Object constant() {
        return value;
    }
}
