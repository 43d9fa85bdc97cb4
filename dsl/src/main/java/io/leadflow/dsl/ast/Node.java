package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** Every AST node knows where it was written. */
public interface Node {
    SourceSpan span();
}
