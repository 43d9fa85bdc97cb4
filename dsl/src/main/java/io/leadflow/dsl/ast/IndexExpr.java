package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code target[index]}: a list item, an object key, or a table lookup. */
public record IndexExpr(Expr target, Expr index, SourceSpan span) implements Expr { }
