package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code tries 500} in a {@code property}: how many generated leads (default: the run's {@code --tries}). */
public record TestTriesStmt(int tries, SourceSpan span) implements TestStmt { }
