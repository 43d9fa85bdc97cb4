package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code lead { … }}: the incoming lead (the keyword is kept as written). */
public record TestLeadStmt(String keyword, ObjectExpr value, SourceSpan span) implements TestStmt { }
