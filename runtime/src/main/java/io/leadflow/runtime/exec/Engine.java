package io.leadflow.runtime.exec;

import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.Ledger;
import io.leadflow.runtime.schedule.Scheduler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Random;

/**
 * The running executor and scheduler: what {@code leadflow serve} starts after opening the
 * journal and stops before closing it.
 * <pre>{@code
 * Journal journal = SqliteJournal.open(vertx, dataDir, JournalOptions.defaults()).await();
 * Engine engine = Engine.start(vertx, journal, programs, connectors, Clock.systemUTC(), EngineOptions.defaults()).await();
 * ... on shutdown: stop intake, then engine.stop(), then journal.close()
 * }</pre>
 */
public final class Engine {
    private final Vertx vertx;
    private final ExecutorVerticle executor;
    private final String deployment;
    private final Scheduler scheduler;
    private final EngineOptions options;

    private Engine(Vertx vertx, ExecutorVerticle executor, String deployment, Scheduler scheduler, EngineOptions options) {
        this.vertx = vertx;
        this.executor = executor;
        this.deployment = deployment;
        this.scheduler = scheduler;
        this.options = options;
    }

    /**
     * Recovers the leads a previous process left unfinished (effects left SENDING are reconciled
     * before any resend), then claims due leads continuously and runs the schedules.
     * Completes once recovery has been read and claiming has begun.
     */
    public static Future<Engine> start(Vertx vertx, Journal journal, ProgramSource programs,
                                       ConnectorRegistry connectors, Clock clock, EngineOptions options) {
        return start(vertx, journal, programs, connectors, clock, options, null);
    }

    /** Same, with ORIGINAL replays of versions not in memory recompiled from the journal's stored rule texts. */
    public static Future<Engine> start(Vertx vertx, Journal journal, ProgramSource programs,
                                       ConnectorRegistry connectors, Clock clock, EngineOptions options, RuleRecompiler recompiler) {
        return start(vertx, journal.ledger(), programs, connectors, clock, options, recompiler);
    }

    /**
     * Over one ledger: a shared journal's coordinator ledger (it routes; it runs the schedules) or one
     * of its delivery ledgers (the partitions this node holds; no schedules).
     */
    public static Future<Engine> start(Vertx vertx, Ledger ledger, ProgramSource programs,
                                       ConnectorRegistry connectors, Clock clock, EngineOptions options, RuleRecompiler recompiler) {
        StoredRules stored = recompiler == null ? null : new StoredRules(vertx, ledger, programs, recompiler);
        return ledger.managerState().compose(managers -> {
            AccountBreakers breakers = options.breakers().build();
            Outcomes outcomes = new Outcomes(ledger, clock, options.listener(), options.retry(), new Random(), breakers);
            Decider decider = new Decider(ledger, clock, options.listener(), outcomes, managers, options.evaluationMarks(), options.schemas(),
                    ledger.rotationLock().orElse(null));
            StepRunner steps = new StepRunner(connectors, decider,
                    new EffectRunner(ledger, clock, options.listener(), outcomes, options.lookupFreshFor(), decider::discard), outcomes, breakers, clock);
            ExecutorVerticle executor = new ExecutorVerticle(ledger, clock, options,
                    new ExecutorVerticle.Components(new Preparer(programs, ledger, clock, decider, stored, options.evaluationMarks()), steps, programs));
            Scheduler scheduler = ledger.runsSchedules() ? new Scheduler(vertx, ledger, programs, options.jobs(), clock) : null;
            return vertx.deployVerticle(executor)
                    .map(id -> new Engine(vertx, executor, id, scheduler, options))
                    .andThen(ar -> { if (ar.succeeded() && scheduler != null) scheduler.start(); });
        });
    }

    /** {@link #start(Vertx, Journal, ProgramSource, ConnectorRegistry, Clock, EngineOptions)} with defaults. */
    public static Future<Engine> start(Vertx vertx, Journal journal, ProgramSource programs,
                                       ConnectorRegistry connectors, Clock clock) {
        return start(vertx, journal, programs, connectors, clock, EngineOptions.defaults());
    }

    /**
     * Graceful stop: claims nothing more, lets calls already sent finish (up to
     * {@code stopTimeout}), and leaves everything else recorded for the next start. Never
     * loses or duplicates: an effect whose call was cut off stays SENDING and is reconciled next time.
     */
    public Future<Void> stop() {
        if (scheduler != null) scheduler.stop();
        Future<Void> drained = Future.future(p -> executor.ctx().runOnContext(v ->
                executor.drain(options.stopTimeout()).onComplete(p)));
        return drained.compose(v -> vertx.undeploy(deployment));
    }

    /** Runs a declared schedule now ({@link Scheduler#runNow}). */
    public Future<Scheduler.RunStarted> runSchedule(String name) {
        if (scheduler == null) return Future.failedFuture(io.leadflow.runtime.schedule.RunNowRefused.notRunning());
        return scheduler.runNow(name);
    }

    /** Leads held in memory now (running, waiting in a lane, or waiting to retry), for metrics. */
    public int inFlight() {
        return executor.inFlight();
    }
}
