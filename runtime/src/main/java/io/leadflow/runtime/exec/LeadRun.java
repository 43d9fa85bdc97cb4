package io.leadflow.runtime.exec;

import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Flow;
import io.leadflow.runtime.journal.Ledger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of one lead while the executor holds it. Confined to the executor's context. Before
 * the decision it carries the flow and evaluation it started with (so a reload cannot change a
 * run midway); after it, the recorded effects.
 */
final class LeadRun {
    final Ledger.ClaimedLead lead;
    String laneKey;
    String ruleVersion;
    Flow flow;
    Evaluation evaluation;
    String connector;
    String account;
    String marker;
    /** The recorded effects once decided; null when decided in an earlier process and not loaded yet. */
    List<Ledger.EffectRecord> effects;
    boolean decided;
    /** Writes made in memory but not yet committed; committed before the next call leaves (or with the finish). */
    Ledger.Tx pending;
    int attempts;
    Instant firstFailureAt;
    Instant waitUntil;
    /** The last failure's reason in this process (kept in the record when the lead ends DONE after retries). */
    String lastError;
    /** Set by {@link Outcomes#failed} during a step: the breaker counts the step as a failure. */
    boolean failedThisStep;
    /** Since when the lead is parked behind an open circuit (memory only: a park writes nothing), or null. */
    Instant parkedSince;
    /** When the lookup behind the decision answered (null: no lookup, or decided in an earlier process). */
    Instant lookedUpAt;
    /** The decision is in {@link #pending}, not yet committed: it can still be taken back if its lookup went stale. */
    boolean decisionPending;
    /** Rotation state before and after this run's pending decision, so taking it back can undo its turn. */
    io.leadflow.dsl.ManagerState managersBefore;
    io.leadflow.dsl.ManagerState managersAfter;
    /** How many times this run's lookup was redone because it was stale when its first write could leave. */
    int lookupsRedone;

    LeadRun(Ledger.ClaimedLead lead) {
        this.lead = lead;
        this.attempts = lead.attempts();
        this.firstFailureAt = lead.firstFailureAt();
        if (lead.ruleVersion() != null) {
            decided = true;
            ruleVersion = lead.ruleVersion();
            laneKey = lead.laneKey();
            connector = lead.connector();
            account = lead.account();
            marker = lead.marker();
        }
        if (lead.status() == io.leadflow.runtime.journal.LeadStatus.RETRYING) waitUntil = lead.nextAt();
    }

    /** Parked: the wait ahead is the breaker's, so waking needs no journal write. */
    void park(Instant now) {
        if (parkedSince == null) parkedSince = now;
    }

    /** Admitted again: time parked does not count against the retry budget's give-up window. */
    void unpark(Instant now) {
        if (parkedSince == null) return;
        if (firstFailureAt != null) firstFailureAt = firstFailureAt.plus(java.time.Duration.between(parkedSince, now));
        parkedSince = null;
    }

    String id() {
        return lead.leadId();
    }

    int run() {
        return lead.run();
    }

    /** This run's key in the {@link EvaluationMarks}: a replay (a new run) is evaluated afresh. */
    String markKey() {
        return lead.leadId() + "#" + lead.run();
    }

    void replaceEffect(Ledger.EffectRecord record) {
        List<Ledger.EffectRecord> copy = new ArrayList<>(effects);
        copy.set(record.index(), record);
        effects = copy;
    }

    /** The effect's idempotency key: stable across retries and restarts, new for each replay run. */
    static String idempotencyKey(String leadId, int run, int index) {
        return "lf-" + leadId + "-" + run + "-" + index;
    }
}
