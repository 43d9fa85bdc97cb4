package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code left op right}. */
public record BinaryExpr(BinaryOp op, Expr left, Expr right, SourceSpan span) implements Expr { }
