/**
 * The source side of the checker: {@code from} against the source catalog, every {@code lead.…}
 * path against the payload schema, and {@code schedule} jobs against the jobs the runtime implements.
 */
package io.leadflow.dsl.sources;
