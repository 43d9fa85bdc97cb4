/**
 * The executable side of expressions: closures ({@link io.leadflow.dsl.eval.Eval}) built once at
 * compile time and run per lead over Jackson trees, with a per-lead step budget.
 */
package io.leadflow.dsl.eval;
