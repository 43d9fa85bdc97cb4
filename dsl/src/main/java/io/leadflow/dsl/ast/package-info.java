/**
 * The rule language as written: immutable records, one node kind per file, each carrying the
 * {@link io.leadflow.dsl.SourceSpan} it came from. Built from the parse tree by
 * {@code io.leadflow.dsl.parse}; no name resolution or checks happen here.
 * Suffixes: {@code *Expr} expressions, {@code *Decl} declarations, {@code *Stmt} statements.
 */
package io.leadflow.dsl.ast;
