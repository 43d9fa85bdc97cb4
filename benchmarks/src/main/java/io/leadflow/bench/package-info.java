/**
 * JMH benchmarks (off the default build): the same realistic mapping in Leadflow, JSLT and
 * hand-written Jackson code, and the compile time of a generated 5,000-line rule file.
 */
package io.leadflow.bench;
