package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code -operand}. */
public record NegExpr(Expr operand, SourceSpan span) implements Expr { }
