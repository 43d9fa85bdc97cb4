package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code keep when cond "reason"} (L2): the lead is dropped, with the reason, unless the condition holds. */
public record KeepStmt(Expr condition, String reason, SourceSpan span) implements FlowStmt { }
