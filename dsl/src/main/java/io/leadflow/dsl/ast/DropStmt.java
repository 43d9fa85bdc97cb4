package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code drop when cond "reason"} (L2): the lead is dropped when the condition holds. */
public record DropStmt(Expr condition, String reason, SourceSpan span) implements FlowStmt { }
