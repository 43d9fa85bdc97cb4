package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code import "shared/tables.flow"}: the path is relative to the importing file. */
public record ImportDecl(String path, SourceSpan span) implements Node { }
