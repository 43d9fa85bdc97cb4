/**
 * The builtin functions: an explicit, immutable registry of specs, each declaring its
 * parameters, result type and examples (the examples run as tests). Families live in their own
 * classes; nothing here is global or mutable.
 */
package io.leadflow.dsl.builtin;
