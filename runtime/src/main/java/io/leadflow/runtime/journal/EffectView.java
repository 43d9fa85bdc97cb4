package io.leadflow.runtime.journal;

import java.time.Instant;

/**
 * One recorded effect of a lead's run.
 *
 * @param run      which run of the lead (1 = first; a replay adds one)
 * @param index    position in the decision (0-based)
 * @param kind     {@code Effect.describe()} ({@code create deal})
 * @param idemKey  the idempotency key sent to the CRM
 * @param state    where it is
 * @param attempts how many times it was sent
 * @param crmRef   the CRM id it created or changed, when done
 * @param lastError the last error message (CRM's words), or null
 * @param nextAt   when it is retried, or null
 * @param effectJson the effect as data (fields mapped by the rules)
 */
public record EffectView(int run, int index, String kind, String idemKey, EffectState state, int attempts,
                         String crmRef, String lastError, Instant nextAt, String effectJson) { }
