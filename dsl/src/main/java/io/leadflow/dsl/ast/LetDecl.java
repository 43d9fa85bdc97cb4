package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code let name = expr}, at the top of a file or inside a flow. */
public record LetDecl(String name, Expr value, SourceSpan span) implements TopDecl, FlowStmt { }
