/**
 * The canonical layout of rule files ({@code leadflow fmt}): printed from the AST, comments
 * (kept on the lexer's hidden channel) put back by line. Idempotent; meaning-preserving.
 */
package io.leadflow.dsl.fmt;
