package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** A bare name: {@code lead}, a let, a table, a loop variable, {@code phone}. */
public record NameExpr(String name, SourceSpan span) implements Expr { }
