/**
 * The three outcomes a failed CRM call maps to, whatever the CRM's own signal (HTTP 429, 503,
 * a 200 with {@code status: ERROR}): retryable, permanent, auth; plus in-doubt for a call whose
 * outcome is unknown (timeout after send), which must be reconciled before it is resent.
 */
package io.leadflow.spi.error;
