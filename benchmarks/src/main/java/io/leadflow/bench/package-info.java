/**
 * Throughput measurements run by hand ({@code docs/reliability.md}, {@code docs/performance.md}),
 * never as timed unit tests.
 */
package io.leadflow.bench;
