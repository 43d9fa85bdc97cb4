/**
 * Hot reload (R4): the rule folder is watched; a changed file set is compiled and, only when it
 * compiles, swapped in whole. A failed compile keeps the running program and its diagnostics
 * are kept for the log and {@code GET /v1/flows}.
 */
package io.leadflow.runtime.reload;
