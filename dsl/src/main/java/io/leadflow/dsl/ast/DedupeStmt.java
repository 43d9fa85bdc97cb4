package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.time.Duration;
import java.util.Optional;

/** {@code dedupe by lead.order_id within 7d}: the lead's own event id, and how long a repeat of it is the sender's retry. */
public record DedupeStmt(Expr key, Optional<Duration> window, SourceSpan span) implements FlowStmt { }
