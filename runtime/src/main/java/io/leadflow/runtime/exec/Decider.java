package io.leadflow.runtime.exec;

import io.leadflow.connector.CrmConnector;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.Trace;
import io.leadflow.runtime.journal.EffectState;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.Ledger;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.Skip;
import io.leadflow.spi.record.Found;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lane-ordered half of a run before any effect: CRM lookup, {@code decide} with the
 * persisted manager rotation state, and the decision recorded with its effects (PENDING) in one
 * transaction. Rotation state is read and replaced on the executor context, one decision at a time.
 */
final class Decider {
    private final Ledger ledger;
    private final Clock clock;
    private final ExecutionListener listener;
    private final Outcomes outcomes;
    private final EngineOptions.AccountSchemas schemas;
    private ManagerState managers;

    private final EvaluationMarks marks;
    private final Ledger.RotationLock rotation;

    /**
     * @param schemas the accounts' field lists: a decision the account would refuse is a dead letter before any effect
     * @param rotation on a shared journal, the cluster-wide lock a decision taking a rotation turn holds; null: this process alone decides
     */
    Decider(Ledger ledger, Clock clock, ExecutionListener listener, Outcomes outcomes, ManagerState managers, EvaluationMarks marks,
            EngineOptions.AccountSchemas schemas, Ledger.RotationLock rotation) {
        this.rotation = rotation;
        this.schemas = schemas;
        this.marks = marks;
        this.ledger = ledger;
        this.clock = clock;
        this.listener = listener;
        this.outcomes = outcomes;
        this.managers = managers;
    }

    /**
     * Succeeds with null when decided: the decision waits in {@code run.pending} and is committed
     * with the first effect's SENDING mark, before anything is sent. Else with the step's end.
     */
    Future<StepResult> decide(LeadRun run, CrmConnector connector) {
        Instant started = clock.instant();
        Future<Found> found;
        try {
            found = run.evaluation.lookup().map(connector::find).orElse(Future.succeededFuture(Found.NOTHING));
        } catch (RuntimeException e) {
            found = Future.failedFuture(e);
        }
        return found.transform(ar -> {
            listener.lookupDone(run.connector, Duration.between(started, clock.instant()));
            if (ar.failed()) return outcomes.failed(run, Failure.of(ar.cause(), false), null);
            if (run.evaluation.lookup().isPresent()) run.lookedUpAt = clock.instant();
            return record(run, ar.result(), connector);
        });
    }

    private Future<StepResult> record(LeadRun run, Found found, CrmConnector target) {
        ManagerState before = managers;
        Object decided = decideWith(run, found, before);
        if (!(decided instanceof Decision d)) return failedRules(decided);
        if (rotation != null && !d.managers().equals(before)) return underRotationLock(run, found, target);
        // A decision that took no rotation turn writes no rotation state (on a shared journal this node's copy may be behind).
        ManagerState written = d.managers().equals(before) ? null : d.managers();
        if (d.dropReason().isPresent()) {
            managers = d.managers();
            return ledger.recordFinal(decision(run, d.trace(), List.of(), written), LeadStatus.DROPPED, d.dropReason().get())
                    .map(v -> outcomes.finished(run, LeadStatus.DROPPED));
        }
        java.util.Optional<String> refused = io.leadflow.runtime.account.Preflight.check(target,
                schemas.of(run.connector, run.account), d.effects());
        if (refused.isPresent()) return finalRecord(run, d.trace(), LeadStatus.DEAD, refused.get());
        List<Ledger.EffectRecord> effects = effectRows(run, d);
        run.managersBefore = managers;
        run.managersAfter = d.managers();
        managers = d.managers();
        run.pending = ledger.tx().recordDecision(decision(run, d.trace(), effects, written));
        run.decisionPending = true;
        run.decided = true;
        run.effects = effects;
        return Future.succeededFuture(null);
    }

    /** The flow's decision with {@code state}, or (when the rules failed on this lead) the future of its dead letter. */
    private Object decideWith(LeadRun run, Found found, ManagerState state) {
        try {
            return marks.during(run.markKey(), () -> run.flow.decide(run.evaluation, found, state, clock));
        } catch (RuntimeException e) {
            return finalRecord(run, run.evaluation.trace(), LeadStatus.DEAD, RuleFailure.reason(e, run.flow.name()));
        } catch (OutOfMemoryError | StackOverflowError e) {
            return finalRecord(run, run.evaluation.trace(), LeadStatus.DEAD, RuleFailure.exhausted(e, run.flow.name()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Future<StepResult> failedRules(Object deadLetter) {
        return (Future<StepResult>) deadLetter;
    }

    private static List<Ledger.EffectRecord> effectRows(LeadRun run, Decision d) {
        List<Ledger.EffectRecord> effects = new ArrayList<>();
        for (int i = 0; i < d.effects().size(); i++) {
            Effect e = d.effects().get(i);
            EffectState state = e instanceof Skip ? EffectState.SKIPPED : EffectState.PENDING;
            effects.add(new Ledger.EffectRecord(i, e.describe(), LeadRun.idempotencyKey(run.id(), run.run(), i), state,
                    0, null, null, null, EffectCodec.encode(e)));
        }
        return effects;
    }

    /**
     * A shared journal's decision that takes a rotation turn: under the cluster-wide lock, decided again
     * with the rotation state as committed now, and committed (with the new state) before the lock is
     * let go, so no two nodes hand out the same turn. Costs one commit of its own (not folded into the
     * first effect's SENDING mark), so the decision cannot be taken back if its lookup goes stale.
     */
    private Future<StepResult> underRotationLock(LeadRun run, Found found, CrmConnector target) {
        return rotation.enter().compose(fresh -> {
            Future<StepResult> out;
            try {
                out = decideLocked(run, found, target, fresh);
            } catch (RuntimeException e) {
                out = Future.failedFuture(e);
            }
            return out.andThen(ar -> rotation.exit());
        });
    }

    private Future<StepResult> decideLocked(LeadRun run, Found found, CrmConnector target, ManagerState fresh) {
        managers = fresh;
        Object decided = decideWith(run, found, fresh);
        if (!(decided instanceof Decision d)) return failedRules(decided);
        ManagerState written = d.managers().equals(fresh) ? null : d.managers();
        if (d.dropReason().isPresent()) {
            return ledger.recordFinal(decision(run, d.trace(), List.of(), written), LeadStatus.DROPPED, d.dropReason().get())
                    .map(v -> {
                        managers = d.managers();
                        return outcomes.finished(run, LeadStatus.DROPPED);
                    });
        }
        java.util.Optional<String> refused = io.leadflow.runtime.account.Preflight.check(target,
                schemas.of(run.connector, run.account), d.effects());
        if (refused.isPresent()) return finalRecord(run, d.trace(), LeadStatus.DEAD, refused.get());
        List<Ledger.EffectRecord> effects = effectRows(run, d);
        return ledger.commit(ledger.tx().recordDecision(decision(run, d.trace(), effects, written))).map(v -> {
            managers = d.managers();
            run.pending = null;
            run.decisionPending = false;
            run.decided = true;
            run.effects = effects;
            return (StepResult) null;
        });
    }

    /**
     * Takes back a decision that is still only in {@code run.pending} (its lookup went stale before
     * anything was sent): the run is undecided again, and the rotation turn it took is given back
     * unless another decision has taken a turn since.
     */
    void discard(LeadRun run) {
        if (!run.decisionPending) throw new IllegalStateException("lead " + run.id() + ": its decision is already committed");
        if (managers == run.managersAfter) managers = run.managersBefore;
        run.pending = null;
        run.decisionPending = false;
        run.decided = false;
        run.effects = null;
        run.lookedUpAt = null;
        run.managersBefore = null;
        run.managersAfter = null;
    }

    Future<StepResult> finalRecord(LeadRun run, Trace trace, LeadStatus status, String reason) {
        return ledger.recordFinal(decision(run, trace, List.of(), null), status, reason).map(v -> outcomes.finished(run, status));
    }

    private static Ledger.DecisionRecord decision(LeadRun run, Trace trace, List<Ledger.EffectRecord> effects,
                                                  ManagerState managers) {
        return new Ledger.DecisionRecord(run.id(), run.run(), run.ruleVersion, run.laneKey, run.connector, run.account,
                run.marker, TraceJson.of(trace), effects, managers);
    }
}
