/**
 * Connector measurements against the emulators (profile {@code bench}, never in unit tests):
 * CRM calls per lead in steady state ({@link io.leadflow.bench.connectors.CallsPerLead}), the share
 * of the documented rate limit used under a backlog ({@link io.leadflow.bench.connectors.RateLimitUse}),
 * and a JMH benchmark of the phone comparison every lookup runs. Results: docs/performance.md.
 */
package io.leadflow.bench.connectors;
