/**
 * Effects: the only side effects of a flow, as plain data. The engine computes them as a pure
 * function of (compiled flow, lead, found records, manager state, clock); the runtime's
 * executor performs them through a connector, one idempotency key each.
 */
package io.leadflow.spi.effect;
