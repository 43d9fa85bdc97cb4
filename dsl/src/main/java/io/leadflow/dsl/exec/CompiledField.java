package io.leadflow.dsl.exec;

import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.eval.Eval;

/** {@code name <- value [if empty]}, compiled. */
public record CompiledField(String name, Eval value, boolean ifEmpty, SourceSpan span) { }
