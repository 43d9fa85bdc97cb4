package io.leadflow.runtime.exec;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.SendGate;
import io.leadflow.runtime.journal.EffectState;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.Ledger;
import io.leadflow.spi.effect.Effect;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Performs a decided run's effects in order. Each send is preceded by a durable SENDING mark
 * (taken once the request holds its rate-limit permit, for connectors that open the
 * {@link SendGate}) and followed by a durable result; a recorded result is reused; an effect left SENDING (crash) or
 * IN_DOUBT (timeout after send) is looked up with {@code reconcile} before it is sent again.
 * A result is committed together with the next effect's SENDING mark (or the lead's DONE), so
 * a lead of n effects costs n + 1 commit rounds, and nothing is sent before what precedes it is durable.
 */
final class EffectRunner {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(EffectRunner.class.getName());
    private final Ledger ledger;
    private final Clock clock;
    private final ExecutionListener listener;
    private final Outcomes outcomes;
    private final Duration lookupFreshFor;
    /** After this many redone lookups the next one is used whatever its age, so a lead always progresses. */
    static final int MAX_REDONE = 3;
    private final java.util.function.Consumer<LeadRun> discard;

    EffectRunner(Ledger ledger, Clock clock, ExecutionListener listener, Outcomes outcomes) {
        this(ledger, clock, listener, outcomes, null, null);
    }

    /**
     * @param lookupFreshFor how old the lookup behind a still-pending decision may be when its first write leaves; null: any
     * @param discard        takes such a decision back ({@link Decider#discard}) so the lead is decided again
     */
    EffectRunner(Ledger ledger, Clock clock, ExecutionListener listener, Outcomes outcomes, Duration lookupFreshFor,
                 java.util.function.Consumer<LeadRun> discard) {
        this.ledger = ledger;
        this.clock = clock;
        this.listener = listener;
        this.outcomes = outcomes;
        this.lookupFreshFor = lookupFreshFor;
        this.discard = discard;
    }

    Future<StepResult> run(LeadRun run, CrmConnector connector) {
        if (run.effects == null) {
            return ledger.effects(run.id(), run.run()).compose(list -> {
                run.effects = list;
                return from(run, connector, 0);
            });
        }
        return from(run, connector, 0);
    }

    private Future<StepResult> from(LeadRun run, CrmConnector connector, int start) {
        int index = start;
        while (index < run.effects.size() && (run.effects.get(index).state() == EffectState.DONE
                || run.effects.get(index).state() == EffectState.SKIPPED)) index++;
        if (index >= run.effects.size()) {
            tx(run).finish(run.id(), LeadStatus.DONE, Outcomes.doneReason(run));
            return flush(run).map(v -> outcomes.finished(run, LeadStatus.DONE));
        }
        Ledger.EffectRecord r = run.effects.get(index);
        int i = index;
        return switch (r.state()) {
            case DEAD -> flush(run).compose(v -> outcomes.finish(run, LeadStatus.DEAD,
                    "effect " + i + " (" + r.kind() + "): " + r.lastError()));
            case SENDING, IN_DOUBT -> flush(run).compose(v -> reconcile(run, connector, i));
            default -> send(run, connector, i);
        };
    }

    /**
     * Sends effect {@code index}. A connector that {@linkplain CrmConnector#opensSendGate() opens
     * the gate} gets the SENDING mark (and its attempt) there, once its request holds a permit and
     * is about to leave; for others the mark is committed before the call, as before.
     */
    private Future<StepResult> send(LeadRun run, CrmConnector connector, int index) {
        Effect effect = EffectCodec.decode(run.effects.get(index).effectJson());
        Future<StepResult> sent = connector.opensSendGate()
                ? call(run, connector, index, effect, SendGate.of(() -> markSent(run, index)))
                : markSent(run, index).compose(v -> call(run, connector, index, effect, SendGate.none()));
        return sent.recover(e -> StaleLookup.in(e) ? decideAgain(run) : Future.failedFuture(e));
    }

    /**
     * The durable SENDING mark with its attempt, committed together with any pending results
     * (the decision too, for the first write). A decision still pending whose lookup is older than
     * {@code lookupFreshFor} is not committed: the mark fails with {@link StaleLookup} and nothing is sent
     * (at most {@link #MAX_REDONE} times per run).
     */
    private Future<Void> markSent(LeadRun run, int index) {
        if (run.decisionPending && run.lookedUpAt != null && lookupFreshFor != null && discard != null
                && run.lookupsRedone < MAX_REDONE) {
            Duration age = Duration.between(run.lookedUpAt, clock.instant());
            if (age.compareTo(lookupFreshFor) > 0) return Future.failedFuture(new StaleLookup(age));
        }
        tx(run).effectSending(run.id(), run.run(), index);
        return flush(run).map(v -> {
            Ledger.EffectRecord r = run.effects.get(index);
            run.replaceEffect(record(r, EffectState.SENDING, r.attempts() + 1, null));
            return null;
        });
    }

    private Future<StepResult> call(LeadRun run, CrmConnector connector, int index, Effect effect, SendGate gate) {
        Ledger.EffectRecord r = run.effects.get(index);
        Instant started = clock.instant();
        Future<EffectResult> call;
        try {
            call = connector.apply(effect, context(run, index, gate));
        } catch (RuntimeException e) {
            call = Future.failedFuture(e);
        }
        return call.transform(ar -> {
            if (ar.failed() && StaleLookup.in(ar.cause())) return decideAgain(run);
            listener.effectSent(run.connector, r.kind(), ar.succeeded(), Duration.between(started, clock.instant()));
            if (ar.failed()) {
                // Results of earlier effects may still be pending when no request of this one left.
                return flush(run).transform(f -> outcomes.failed(run, Failure.of(ar.cause(), true), index));
            }
            return done(run, connector, index, ar.result());
        });
    }

    private Future<StepResult> reconcile(LeadRun run, CrmConnector connector, int index) {
        Effect effect = EffectCodec.decode(run.effects.get(index).effectJson());
        Future<Optional<EffectResult>> found;
        try {
            found = connector.reconcile(effect, context(run, index, SendGate.none()));
        } catch (RuntimeException e) {
            found = Future.failedFuture(e);
        }
        return found.transform(ar -> {
            if (ar.failed()) {
                Failure f = Failure.of(ar.cause(), true);
                Failure stillInDoubt = f.retry() ? new Failure(true, true, f.retryAfter(), "reconcile failed: " + f.reason()) : f;
                return outcomes.failed(run, stillInDoubt, index);
            }
            return ar.result().isPresent() ? done(run, connector, index, ar.result().get()) : send(run, connector, index);
        });
    }

    /** Takes the stale decision back and has the lead looked up and decided again at once; nothing was sent or counted. */
    private Future<StepResult> decideAgain(LeadRun run) {
        Duration age = run.lookedUpAt == null ? Duration.ZERO : Duration.between(run.lookedUpAt, clock.instant());
        discard.accept(run);
        run.lookupsRedone++;
        LOG.info(() -> "event=lookup_redone lead=" + run.id() + " flow=\"" + run.lead.flow() + "\" account=\""
                + StepRunner.accountKey(run) + "\" age_ms=" + age.toMillis() + " bound_ms=" + lookupFreshFor.toMillis());
        return Future.succeededFuture(StepResult.waitUntil(clock.instant()));
    }

    /** Records the result in memory and in the pending writes; it commits before the next send or with the finish. */
    private Future<StepResult> done(LeadRun run, CrmConnector connector, int index, EffectResult result) {
        tx(run).effectDone(run.id(), run.run(), index, EffectState.DONE, result.crmId());
        Ledger.EffectRecord r = run.effects.get(index);
        run.replaceEffect(record(r, EffectState.DONE, r.attempts(), result.crmId()));
        return from(run, connector, index + 1);
    }

    private Ledger.Tx tx(LeadRun run) {
        if (run.pending == null) run.pending = ledger.tx();
        return run.pending;
    }

    /** Commits the pending writes; on failure they stay pending and the step is retried. */
    private Future<Void> flush(LeadRun run) {
        Ledger.Tx t = run.pending;
        if (t == null || t.isEmpty()) return Future.succeededFuture();
        return ledger.commit(t).andThen(ar -> {
            if (ar.succeeded() && run.pending == t) {
                run.pending = null;
                run.decisionPending = false;
            }
        });
    }

    private static EffectContext context(LeadRun run, int index, SendGate gate) {
        Map<Integer, String> created = new HashMap<>();
        for (int i = 0; i < index; i++) {
            Ledger.EffectRecord r = run.effects.get(i);
            if (r.state() == EffectState.DONE && r.crmRef() != null) created.put(i, r.crmRef());
        }
        return new EffectContext(run.effects.get(index).idemKey(), run.id(), created, run.marker, gate);
    }

    private static Ledger.EffectRecord record(Ledger.EffectRecord r, EffectState state, int attempts, String crmRef) {
        return new Ledger.EffectRecord(r.index(), r.kind(), r.idemKey(), state, attempts, crmRef, r.lastError(), null,
                r.effectJson());
    }
}
