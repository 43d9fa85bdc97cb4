package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code marker field}: the deal field that says this integration already touched it (L4). */
public record MarkerStmt(String field, SourceSpan span) implements FlowStmt { }
