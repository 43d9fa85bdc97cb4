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

    /**
     * @param schemas the accounts' field lists: a decision the account would refuse is a dead letter before any effect
     */
    Decider(Ledger ledger, Clock clock, ExecutionListener listener, Outcomes outcomes, ManagerState managers, EvaluationMarks marks,
            EngineOptions.AccountSchemas schemas) {
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
        Decision d;
        try {
            ManagerState before = managers;
            d = marks.during(run.markKey(), () -> run.flow.decide(run.evaluation, found, before, clock));
        } catch (RuntimeException e) {
            return finalRecord(run, run.evaluation.trace(), LeadStatus.DEAD, RuleFailure.reason(e, run.flow.name()));
        } catch (OutOfMemoryError | StackOverflowError e) {
            return finalRecord(run, run.evaluation.trace(), LeadStatus.DEAD, RuleFailure.exhausted(e, run.flow.name()));
        }
        if (d.dropReason().isPresent()) {
            managers = d.managers();
            return ledger.recordFinal(decision(run, d.trace(), List.of(), d.managers()), LeadStatus.DROPPED, d.dropReason().get())
                    .map(v -> outcomes.finished(run, LeadStatus.DROPPED));
        }
        java.util.Optional<String> refused = io.leadflow.runtime.account.Preflight.check(target,
                schemas.of(run.connector, run.account), d.effects());
        if (refused.isPresent()) return finalRecord(run, d.trace(), LeadStatus.DEAD, refused.get());
        List<Ledger.EffectRecord> effects = new ArrayList<>();
        for (int i = 0; i < d.effects().size(); i++) {
            Effect e = d.effects().get(i);
            EffectState state = e instanceof Skip ? EffectState.SKIPPED : EffectState.PENDING;
            effects.add(new Ledger.EffectRecord(i, e.describe(), LeadRun.idempotencyKey(run.id(), run.run(), i), state,
                    0, null, null, null, EffectCodec.encode(e)));
        }
        run.managersBefore = managers;
        run.managersAfter = d.managers();
        managers = d.managers();
        run.pending = ledger.tx().recordDecision(decision(run, d.trace(), effects, d.managers()));
        run.decisionPending = true;
        run.decided = true;
        run.effects = effects;
        return Future.succeededFuture(null);
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
