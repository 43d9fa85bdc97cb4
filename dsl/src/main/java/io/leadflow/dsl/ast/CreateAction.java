package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code create deal}. */
public record CreateAction(String entity, SourceSpan span) implements Action { }
