/**
 * The checking half of the compiler: its products ({@link io.leadflow.dsl.compile.Loaded},
 * {@link io.leadflow.dsl.compile.Resolved}, {@link io.leadflow.dsl.compile.Targeted}), the phases
 * that make them (load, resolve names, check types, check connector schemas) and the typed
 * {@link io.leadflow.dsl.compile.Pipeline} that runs a literal list of phases in order.
 */
package io.leadflow.dsl.compile;
