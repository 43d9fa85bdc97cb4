/**
 * The public face of the rule language: compile rule files into a {@link io.leadflow.dsl.Program}
 * (or get every {@link io.leadflow.dsl.Diagnostic}), then run its flows over leads. Everything
 * else lives in sub-packages and is not API.
 */
package io.leadflow.dsl;
