package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code managers sales { "101": 4 }}: the rotation state before the lead. */
public record TestManagersStmt(String collection, ObjectExpr value, SourceSpan span) implements TestStmt { }
