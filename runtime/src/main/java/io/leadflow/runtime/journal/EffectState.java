package io.leadflow.runtime.journal;

/**
 * Where one effect is. PENDING → SENDING → DONE; SENDING → RETRY (retryable error, resent at
 * nextAt) or IN_DOUBT (outcome unknown: reconciled before any resend) or DEAD. An effect found
 * SENDING after a crash is treated as IN_DOUBT. SKIPPED: a {@code skip} effect, never sent.
 */
public enum EffectState { PENDING, SENDING, RETRY, IN_DOUBT, DONE, SKIPPED, DEAD }
