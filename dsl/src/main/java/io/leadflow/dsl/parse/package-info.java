/**
 * Text to AST: runs the generated ANTLR parser with a collecting error listener, then small
 * visitors that only build {@link io.leadflow.dsl.ast} nodes (template holes get a second pass).
 */
package io.leadflow.dsl.parse;
