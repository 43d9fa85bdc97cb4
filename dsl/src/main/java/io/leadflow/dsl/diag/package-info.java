/** Collecting diagnostics: the stable codes, the capped sink every phase reports into, and "did you mean". */
package io.leadflow.dsl.diag;
