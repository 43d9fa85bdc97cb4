package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code target.name}. */
public record MemberExpr(Expr target, String name, SourceSpan span) implements Expr { }
