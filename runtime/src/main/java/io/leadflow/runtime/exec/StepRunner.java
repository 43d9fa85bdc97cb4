package io.leadflow.runtime.exec;

import io.leadflow.connector.CrmConnector;
import io.leadflow.runtime.journal.LeadStatus;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * One lane-ordered step of a run: decide if not yet decided, then perform the effects. A step for
 * an account whose circuit is open is not run: the lead is parked ({@link AccountBreakers}).
 */
final class StepRunner {
    private final ConnectorRegistry connectors;
    private final Decider decider;
    private final EffectRunner effects;
    private final Outcomes outcomes;
    private final AccountBreakers breakers;
    private final java.time.Clock clock;

    StepRunner(ConnectorRegistry connectors, Decider decider, EffectRunner effects, Outcomes outcomes,
               AccountBreakers breakers, java.time.Clock clock) {
        this.connectors = connectors;
        this.decider = decider;
        this.effects = effects;
        this.outcomes = outcomes;
        this.breakers = breakers;
        this.clock = clock;
    }

    /** The CRM account a run calls, {@code connector/account}. */
    static String accountKey(LeadRun run) {
        return run.connector + "/" + run.account;
    }

    /**
     * How many leads of the run's account may run a step at once: four times the account's
     * documented calls per second (each lead needs a lookup and a create, and a call's answer
     * takes time), at least 2, at most {@code max}.
     * So under a rate-limited backlog a started lead's calls wait behind at most that many others,
     * and the lookup its decision used is a few seconds old at most when its create leaves.
     */
    int accountCap(LeadRun run, int max) {
        return connectors.connector(run.connector, run.account).map(c -> {
            io.leadflow.spi.RateLimit limit = c.descriptor() == null ? null : c.descriptor().rateLimit();
            if (limit == null) return max;
            return (int) Math.max(2, Math.min(max, Math.ceil(4 * limit.perSecond())));
        }).orElse(max);
    }

    /** Whether the account's circuit is open (its leads are parked). */
    boolean circuitOpen(String account) {
        return breakers.isOpen(account);
    }

    /** When a parked lead of the account should ask again: the open time's end, or a moment after it while the probe is out. */
    java.time.Instant nextProbeAt(String account) {
        return breakers.nextProbeAt(account, clock.instant());
    }

    Future<StepResult> step(LeadRun run) {
        Optional<CrmConnector> connector = connectors.connector(run.connector, run.account);
        if (connector.isEmpty()) {
            String reason = "no CRM account configured for " + run.connector + "/" + run.account;
            return run.decided ? outcomes.finish(run, LeadStatus.DEAD, reason)
                    : decider.finalRecord(run, run.evaluation.trace(), LeadStatus.DEAD, reason);
        }
        String account = accountKey(run);
        java.time.Instant now = clock.instant();
        java.time.Instant parkedUntil = breakers.admit(account, now);
        if (parkedUntil != null) {
            run.park(now);
            return Future.succeededFuture(StepResult.parked(parkedUntil));
        }
        run.unpark(now);
        run.failedThisStep = false;
        Future<StepResult> step = run.decided ? effects.run(run, connector.get())
                : decider.decide(run, connector.get()).compose(r -> r != null ? Future.succeededFuture(r) : effects.run(run, connector.get()));
        return step.andThen(ar -> {
            if (ar.succeeded() && !run.failedThisStep) breakers.succeeded(account);
        });
    }
}
