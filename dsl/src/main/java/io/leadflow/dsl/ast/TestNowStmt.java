package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code now "2025-03-01T10:00:00+02:00"}: the clock of the test. */
public record TestNowStmt(String instant, SourceSpan span) implements TestStmt { }
