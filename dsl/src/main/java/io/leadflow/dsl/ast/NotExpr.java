package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code not operand}. */
public record NotExpr(Expr operand, SourceSpan span) implements Expr { }
