/**
 * The executable program: expressions compiled once into closures, flows as fixed lists of
 * compiled steps (lets, normalisation, filters, mapping blocks). Immutable and thread-safe; the
 * per-lead state lives in an {@link io.leadflow.dsl.eval.Env}.
 */
package io.leadflow.dsl.exec;
