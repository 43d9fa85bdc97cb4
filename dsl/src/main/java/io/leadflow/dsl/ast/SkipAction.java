package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code skip "reason"}: do nothing, record why. */
public record SkipAction(String reason, SourceSpan span) implements Action { }
