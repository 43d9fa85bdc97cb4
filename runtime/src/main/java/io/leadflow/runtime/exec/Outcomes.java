package io.leadflow.runtime.exec;

import io.leadflow.runtime.journal.EffectState;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.Ledger;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** How a run ends or waits: finished with a status, or a failure turned into a retry or a dead letter. */
final class Outcomes {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Outcomes.class.getName());
    private final Ledger ledger;
    private final Clock clock;
    private final ExecutionListener listener;
    private final RetryPolicy policy;
    private final RandomGenerator random;
    private final AccountBreakers breakers;

    Outcomes(Ledger ledger, Clock clock, ExecutionListener listener, RetryPolicy policy, RandomGenerator random,
             AccountBreakers breakers) {
        this.ledger = ledger;
        this.clock = clock;
        this.listener = listener;
        this.policy = policy;
        this.random = random;
        this.breakers = breakers;
    }

    /**
     * What a DONE lead's record keeps: the reason of each {@code skip} it took ("skipped: order
     * already updated"), so the registry list says why nothing was written; and, when it did not go
     * through first time, how many retries it took and the last error, so an operator sees
     * afterwards that the CRM was failing. Null when neither.
     */
    static String doneReason(LeadRun run) {
        StringBuilder out = new StringBuilder();
        if (run.effects != null) {
            for (Ledger.EffectRecord r : run.effects) {
                if (r.state() != EffectState.SKIPPED || r.effectJson() == null) continue;
                if (EffectCodec.decode(r.effectJson()) instanceof io.leadflow.spi.effect.Skip skip && skip.reason() != null) {
                    out.append(out.length() == 0 ? "skipped: " : "; skipped: ").append(skip.reason());
                }
            }
        }
        if (run.attempts > 0) {
            out.append(out.length() == 0 ? "" : "; ").append("done after ").append(run.attempts)
                    .append(run.attempts == 1 ? " retry" : " retries")
                    .append(run.lastError == null ? "" : "; last error: " + run.lastError);
        }
        return out.length() == 0 ? null : out.toString();
    }

    Future<StepResult> finish(LeadRun run, LeadStatus status, String reason) {
        if (status == LeadStatus.DONE && reason == null) reason = doneReason(run);
        return ledger.finish(run.id(), status, reason).map(v -> finished(run, status));
    }

    StepResult finished(LeadRun run, LeadStatus status) {
        listener.leadFinished(run.lead.flow(), status, Duration.between(run.lead.receivedAt(), clock.instant()));
        return StepResult.FINISHED;
    }

    /**
     * Records a failed lookup ({@code effectIndex} null) or effect: a retry at the next step of
     * the schedule (the lead's lane waits), or a dead letter when permanent or past the budget.
     */
    Future<StepResult> failed(LeadRun run, Failure failure, Integer effectIndex) {
        Instant now = clock.instant();
        Instant first = run.firstFailureAt == null ? now : run.firstFailureAt;
        if (!failure.retry()) return dead(run, effectIndex, failure.reason());
        run.failedThisStep = true;
        run.lastError = failure.reason();
        breakers.failed(StepRunner.accountKey(run), failure.retryAfter(), now);
        if (Duration.between(first, now).compareTo(policy.giveUpAfter()) >= 0) {
            return dead(run, effectIndex, "retries exhausted after " + (run.attempts + 1) + " attempts over "
                    + Duration.between(first, now) + ": " + failure.reason());
        }
        Instant nextAt = now.plus(policy.delay(run.attempts + 1, failure.retryAfter(), random));
        run.attempts++;
        run.firstFailureAt = first;
        EffectState state = failure.inDoubt() ? EffectState.IN_DOUBT : EffectState.RETRY;
        Future<Void> effect = effectIndex == null ? Future.succeededFuture()
                : ledger.effectFailed(run.id(), run.run(), effectIndex, state, failure.reason(), nextAt)
                        .andThen(ar -> { if (ar.succeeded()) run.replaceEffect(with(run, effectIndex, state, failure.reason(), nextAt)); });
        int attempt = run.attempts;
        return effect.compose(v -> ledger.retryLater(run.id(), nextAt, failure.reason())).map(v -> {
            LOG.info(() -> RetryLog.line(run, effectIndex, attempt, nextAt, failure));
            listener.leadRetried(run.lead.flow(), failure.reason());
            return StepResult.waitUntil(nextAt);
        });
    }

    private Future<StepResult> dead(LeadRun run, Integer effectIndex, String reason) {
        String full = effectIndex == null ? reason
                : "effect " + effectIndex + " (" + run.effects.get(effectIndex).kind() + "): " + reason;
        Future<Void> effect = effectIndex == null ? Future.succeededFuture()
                : ledger.effectFailed(run.id(), run.run(), effectIndex, EffectState.DEAD, reason, null);
        return effect.compose(v -> finish(run, LeadStatus.DEAD, full));
    }

    private static Ledger.EffectRecord with(LeadRun run, int index, EffectState state, String error, Instant nextAt) {
        Ledger.EffectRecord r = run.effects.get(index);
        return new Ledger.EffectRecord(r.index(), r.kind(), r.idemKey(), state, r.attempts(), r.crmRef(), error, nextAt,
                r.effectJson());
    }
}
