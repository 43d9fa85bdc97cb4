package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.Optional;

/** A call argument, positional or named ({@code account: "main"}). */
public record Arg(Optional<String> name, Expr value, SourceSpan span) implements Node { }
