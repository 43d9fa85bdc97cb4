package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code task}: a task on the found deal or contact. */
public record TaskAction(SourceSpan span) implements Action { }
