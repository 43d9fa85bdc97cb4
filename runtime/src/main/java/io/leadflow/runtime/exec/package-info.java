/**
 * The executor: claims journaled leads, runs their compiled flow (evaluate, CRM lookup, decide),
 * records the decision, then performs the effects through the connectors with one idempotency
 * key each, one lead at a time per contact lane. {@link io.leadflow.runtime.exec.Engine} is the
 * start/stop handle the {@code serve} command holds.
 */
package io.leadflow.runtime.exec;
