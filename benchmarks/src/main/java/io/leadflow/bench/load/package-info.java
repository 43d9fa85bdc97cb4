/**
 * Load runs (T12) against {@code leadflow serve} in a child JVM: a closed-loop HTTP load
 * generator, a raw Vert.x 202 server as the ceiling, and a no-rate-limit "bench" connector and
 * emulator so end-to-end delivery can be measured without a real CRM's limits.
 */
package io.leadflow.bench.load;
