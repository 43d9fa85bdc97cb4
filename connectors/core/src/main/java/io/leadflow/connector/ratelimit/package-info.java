/**
 * Client-side rate limiting per CRM account: a non-blocking, FIFO {@link io.leadflow.connector.ratelimit.TokenBucket}
 * at the CRM's documented limit (so the connector never earns an over-limit answer on its own)
 * that also honours Retry-After pauses. Create one per account with
 * {@code TokenBucket.of(vertx, descriptor.rateLimit())}.
 */
package io.leadflow.connector.ratelimit;
