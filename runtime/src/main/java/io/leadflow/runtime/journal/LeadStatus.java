package io.leadflow.runtime.journal;

/**
 * Where a lead is. PENDING → RUNNING → (RETRYING ↔ RUNNING)* → DONE | DROPPED | DEAD;
 * a replay moves DONE, DROPPED, DEAD or DUPLICATE back to PENDING. A DUPLICATE is recorded as
 * such on arrival and never runs by itself.
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
    DEAD,
    /** The sender repeated the event id of an earlier lead within the flow's dedupe window; linked to that lead. */
    DUPLICATE;

    public boolean terminal() {
        return this == DONE || this == DROPPED || this == DEAD || this == DUPLICATE;
    }
}
