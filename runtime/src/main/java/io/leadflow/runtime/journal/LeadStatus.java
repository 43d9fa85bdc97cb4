package io.leadflow.runtime.journal;

/**
 * Where a lead is. PENDING → RUNNING → (RETRYING ↔ RUNNING)* → DONE | DROPPED | DEAD;
 * a replay moves DONE, DROPPED or DEAD back to PENDING.
 */
public enum LeadStatus {
    /** Journaled; waits for its turn (and for the flow's delay). */
    PENDING,
    /** Claimed by the executor: evaluating, looking up, or performing effects. */
    RUNNING,
    /** A step failed retryably; it runs again at {@code nextAt}. Its contact lane waits. */
    RETRYING,
    /** Every effect performed (or the decision had none). */
    DONE,
    /** A filter or rule dropped it; the reason is recorded. */
    DROPPED,
    /** Dead letter: permanent error, auth error, rule error or retries exhausted; replayable. */
    DEAD;

    public boolean terminal() {
        return this == DONE || this == DROPPED || this == DEAD;
    }
}
