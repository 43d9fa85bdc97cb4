package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.time.Duration;

/** {@code delay 1m} (L10). */
public record DelayStmt(Duration delay, SourceSpan span) implements FlowStmt { }
