package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code expect …}. */
public record ExpectStmt(Expectation expectation, SourceSpan span) implements TestStmt { }
