package io.leadflow.runtime.journal;

import io.leadflow.dsl.ManagerState;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The executor's side of the store: claiming leads, recording decisions and each effect's
 * progress, manager rotation state and schedule runs. Every write is durable (committed with
 * fsync) when its future succeeds, so the executor may act on it: an effect is marked
 * {@link EffectState#SENDING} durably before it is sent, and its result is recorded after.
 * Non-blocking; futures complete on the caller's context.
 */
public interface Ledger {

    /**
     * Moves up to {@code max} PENDING leads whose {@code nextAt <= now} to RUNNING and returns
     * them in acceptance order (oldest first).
     */
    Future<List<ClaimedLead>> claimDue(Instant now, int max);

    /**
     * The leads a previous process left RUNNING or RETRYING (crash or stop), in acceptance order;
     * called once at start, before {@link #claimDue}. On a shared PostgreSQL journal it is called by
     * the node that has just taken the delivery lease: the previous holder's writes are fenced by
     * then, so what it left RUNNING is this node's to finish.
     */
    Future<List<ClaimedLead>> recoverUnfinished();

    /** Puts a claimed lead back to PENDING until {@code nextAt} (the flow's delay, L10). */
    Future<Void> defer(String leadId, Instant nextAt);

    /** Records the decision of a run in one transaction: trace, rule version, effects (PENDING), manager state. */
    Future<Void> recordDecision(DecisionRecord decision);

    /**
     * Records a decision that ends the run at once (dropped, or dead before any effect) in one
     * transaction, so a crash cannot leave it decided but unfinished.
     */
    Future<Void> recordFinal(DecisionRecord decision, LeadStatus status, String reason);

    /** Ends the current run: DONE, DROPPED or DEAD with its reason (null for DONE). */
    Future<Void> finish(String leadId, LeadStatus status, String reason);

    /** RUNNING → RETRYING until {@code nextAt}, counting an attempt and keeping the error. */
    Future<Void> retryLater(String leadId, Instant nextAt, String error);

    /** RETRYING → RUNNING when its time has come. */
    Future<Void> resume(String leadId);

    /** The effects of one run of a lead, by index. */
    Future<List<EffectRecord>> effects(String leadId, int run);

    /** Marks an effect as being sent (one more attempt) before the call leaves. */
    Future<Void> effectSending(String leadId, int run, int index);

    /** Records an effect's result: DONE with the CRM's id (or SKIPPED). */
    Future<Void> effectDone(String leadId, int run, int index, EffectState state, String crmRef);

    /** Records a failed send: RETRY or IN_DOUBT with {@code nextAt}, or DEAD. */
    Future<Void> effectFailed(String leadId, int run, int index, EffectState state, String error, Instant nextAt);

    /** A new empty set of writes to commit together with {@link #commit(Tx)}. */
    Tx tx();

    /**
     * Commits the writes of {@code tx} in one transaction (all or none): one commit round instead
     * of several, e.g. "effect 0 done + effect 1 sending" or "last effect done + lead done".
     */
    Future<Void> commit(Tx tx);

    /** Writes gathered for one transaction; the same meaning as the single-write methods. */
    interface Tx {
        Tx recordDecision(DecisionRecord decision);

        Tx effectSending(String leadId, int run, int index);

        Tx effectDone(String leadId, int run, int index, EffectState state, String crmRef);

        Tx finish(String leadId, LeadStatus status, String reason);

        boolean isEmpty();
    }

    /**
     * Stores a program version's rule texts (path to text) under its content hash, so an ORIGINAL
     * replay can recompile them after a restart. Idempotent: a hash already stored is left as is.
     */
    Future<Void> storeRules(String contentHash, java.util.Map<String, String> sources);

    /** The rule texts stored under a content hash (path to text), or empty when none were stored. */
    Future<Optional<java.util.Map<String, String>>> rules(String contentHash);

    /** The persisted manager rotation state (all collections). */
    Future<ManagerState> managerState();

    /** When the schedule last ran: the start of the period it covered, or empty if never. */
    Future<Optional<Instant>> lastScheduleRun(String schedule);

    /** Records that a schedule ran for the period starting at {@code periodStart}. */
    Future<Void> recordScheduleRun(String schedule, Instant periodStart, Instant ranAt, String error);

    /**
     * Called (on an internal thread; must not block) after new leads or replays are committed, to
     * wake the executor. Returns the action that removes the listener.
     */
    Runnable onAppend(Runnable listener);

    /**
     * On a shared journal's coordinator: routes each prepared lead to the partition of its contact
     * lane instead of delivering it here. Empty: this ledger delivers what it claims.
     */
    default Optional<Routing> routing() {
        return Optional.empty();
    }

    /** Whether the executor over this ledger also runs the schedules (false for a shared journal's partition executors). */
    default boolean runsSchedules() {
        return true;
    }

    /**
     * On a shared journal: the cluster-wide lock a decision that takes a rotation turn holds while it
     * reads the current rotation state, decides, and commits. Empty: one process decides.
     */
    default Optional<RotationLock> rotationLock() {
        return Optional.empty();
    }

    /** Hands a lead whose lane the rules gave to the node holding the lane's partition. */
    interface Routing {
        Future<Void> route(String leadId, String laneKey);
    }

    /** Mutual exclusion of rotation decisions across nodes; {@link #exit} once the decision is committed (or failed). */
    interface RotationLock {
        /** Completes, holding the lock, with the rotation state as committed now. */
        Future<ManagerState> enter();

        void exit();
    }

    /**
     * A lead as the executor takes it.
     *
     * @param seq        acceptance order
     * @param run        run number (1 + replays)
     * @param status     RUNNING, or RETRYING for a recovered lead waiting for {@code nextAt}
     * @param ruleVersion the rules of this run when it was already decided, else null
     * @param pinnedRule the rule version a replay must use (ORIGINAL), else null
     * @param laneKey    account and contact key once decided, else null
     * @param connector  target connector once decided, else null
     * @param account    target account once decided, else null
     * @param marker     the flow's marker field once decided, or null
     * @param firstFailureAt when this run first failed (the 72 h retry budget starts here), or null
     */
    record ClaimedLead(String leadId, long seq, String flow, String source, byte[] body, String contentType,
                       Instant receivedAt, int run, LeadStatus status, Instant nextAt, int attempts,
                       String ruleVersion, String pinnedRule, String laneKey, String connector, String account,
                       String marker, Instant firstFailureAt) { }

    /**
     * A run's decision.
     *
     * @param effects the effects in order, as {@link EffectRecord}s in state PENDING (or SKIPPED)
     * @param managers the rotation state after the decision (replaces the stored one), or null when unchanged
     */
    record DecisionRecord(String leadId, int run, String ruleVersion, String laneKey, String connector,
                          String account, String marker, String traceJson, List<EffectRecord> effects,
                          ManagerState managers) {
        public DecisionRecord {
            effects = List.copyOf(effects);
        }
    }

    /** One effect row; {@code effectJson} is the effect as data ({@code EffectCodec}). */
    record EffectRecord(int index, String kind, String idemKey, EffectState state, int attempts, String crmRef,
                        String lastError, Instant nextAt, String effectJson) { }
}
