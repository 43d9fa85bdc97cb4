package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code field <- expr [if empty]}; the span starts at the field name. */
public record AssignStmt(String field, Expr value, boolean ifEmpty, SourceSpan span) implements Node { }
