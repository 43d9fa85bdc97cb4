package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.math.BigDecimal;
import java.util.Optional;

/** One manager of a collection, with an optional weight ({@code 101: 3}). */
public record ManagerEntry(Expr manager, Optional<BigDecimal> weight, SourceSpan span) implements Node { }
