/**
 * The compiler: an ordered list of {@link io.leadflow.dsl.compile.Phase}s over a
 * {@link io.leadflow.dsl.compile.CompileContext} (load and resolve names, check types, check
 * connector schemas, plan the rule graph, build the executable program). The list is data:
 * other parts of the language add their phases without editing these.
 */
package io.leadflow.dsl.compile;
