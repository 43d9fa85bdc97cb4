package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code update contact}. */
public record UpdateAction(String entity, SourceSpan span) implements Action { }
