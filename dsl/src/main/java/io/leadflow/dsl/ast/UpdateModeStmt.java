package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code update all|empty}: the flow-wide update mode. */
public record UpdateModeStmt(UpdateMode mode, SourceSpan span) implements FlowStmt { }
