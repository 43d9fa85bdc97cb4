package io.leadflow.runtime.exec;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
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
 * Performs a decided run's effects in order. Each send is preceded by a durable SENDING mark and
 * followed by a durable result; a recorded result is reused; an effect left SENDING (crash) or
 * IN_DOUBT (timeout after send) is looked up with {@code reconcile} before it is sent again.
 */
final class EffectRunner {
    private final Ledger ledger;
    private final Clock clock;
    private final ExecutionListener listener;
    private final Outcomes outcomes;

    EffectRunner(Ledger ledger, Clock clock, ExecutionListener listener, Outcomes outcomes) {
        this.ledger = ledger;
        this.clock = clock;
        this.listener = listener;
        this.outcomes = outcomes;
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

    private Future<StepResult> from(LeadRun run, CrmConnector connector, int index) {
        if (index >= run.effects.size()) return outcomes.finish(run, LeadStatus.DONE, null);
        Ledger.EffectRecord r = run.effects.get(index);
        return switch (r.state()) {
            case DONE, SKIPPED -> from(run, connector, index + 1);
            case DEAD -> outcomes.finish(run, LeadStatus.DEAD, "effect " + index + " (" + r.kind() + "): " + r.lastError());
            case PENDING, RETRY -> send(run, connector, index);
            case SENDING, IN_DOUBT -> reconcile(run, connector, index);
        };
    }

    private Future<StepResult> send(LeadRun run, CrmConnector connector, int index) {
        Ledger.EffectRecord r = run.effects.get(index);
        Effect effect = EffectCodec.decode(r.effectJson());
        return ledger.effectSending(run.id(), run.run(), index).compose(v -> {
            run.replaceEffect(record(r, EffectState.SENDING, r.attempts() + 1, null, r.lastError()));
            Instant started = clock.instant();
            Future<EffectResult> call;
            try {
                call = connector.apply(effect, context(run, index));
            } catch (RuntimeException e) {
                call = Future.failedFuture(e);
            }
            return call.transform(ar -> {
                listener.effectSent(run.connector, r.kind(), ar.succeeded(), Duration.between(started, clock.instant()));
                if (ar.failed()) return outcomes.failed(run, Failure.of(ar.cause(), true), index);
                return done(run, connector, index, ar.result());
            });
        });
    }

    private Future<StepResult> reconcile(LeadRun run, CrmConnector connector, int index) {
        Effect effect = EffectCodec.decode(run.effects.get(index).effectJson());
        Future<Optional<EffectResult>> found;
        try {
            found = connector.reconcile(effect, context(run, index));
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

    private Future<StepResult> done(LeadRun run, CrmConnector connector, int index, EffectResult result) {
        return ledger.effectDone(run.id(), run.run(), index, EffectState.DONE, result.crmId()).compose(v -> {
            Ledger.EffectRecord r = run.effects.get(index);
            run.replaceEffect(record(r, EffectState.DONE, r.attempts(), result.crmId(), r.lastError()));
            return from(run, connector, index + 1);
        });
    }

    private static EffectContext context(LeadRun run, int index) {
        Map<Integer, String> created = new HashMap<>();
        for (int i = 0; i < index; i++) {
            Ledger.EffectRecord r = run.effects.get(i);
            if (r.state() == EffectState.DONE && r.crmRef() != null) created.put(i, r.crmRef());
        }
        return new EffectContext(run.effects.get(index).idemKey(), run.id(), created, run.marker);
    }

    private static Ledger.EffectRecord record(Ledger.EffectRecord r, EffectState state, int attempts, String crmRef, String error) {
        return new Ledger.EffectRecord(r.index(), r.kind(), r.idemKey(), state, attempts, crmRef, error, null, r.effectJson());
    }
}
