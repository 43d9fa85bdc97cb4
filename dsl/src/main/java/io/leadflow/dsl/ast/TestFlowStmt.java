package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code flow "name"}: which flow the test runs. */
public record TestFlowStmt(String flow, SourceSpan span) implements TestStmt { }
