package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code [a, b, c]}. */
public record ListExpr(List<Expr> items, SourceSpan span) implements Expr {
    public ListExpr {
        items = List.copyOf(items);
    }
}
