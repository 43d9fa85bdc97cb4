package io.leadflow.runtime.schedule;

import io.leadflow.dsl.Program;
import io.leadflow.runtime.exec.ProgramSource;
import io.leadflow.runtime.journal.Ledger;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs each schedule of the current program once per period (L11). The period a schedule last
 * ran for is kept in the journal, so after a restart a period already run is not run again,
 * and any number of missed periods is caught up with one run. A schedule seen for the first time
 * runs at once for the current period. Ticks once a second on an event loop; jobs are non-blocking.
 */
public final class Scheduler {
    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    private final Vertx vertx;
    private final Ledger ledger;
    private final ProgramSource programs;
    private final JobRegistry jobs;
    private final Clock clock;
    private final Map<String, Instant> lastRun = new HashMap<>();
    /** Schedules whose check or run is under way, with its end. */
    private final Map<String, Future<Void>> busy = new HashMap<>();
    private long timer = -1;
    private volatile boolean stopped;
    private io.vertx.core.Context context;

    public Scheduler(Vertx vertx, Ledger ledger, ProgramSource programs, JobRegistry jobs, Clock clock) {
        this.vertx = vertx;
        this.ledger = ledger;
        this.programs = programs;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Starts ticking (call once); completes when the first tick's checks and runs have ended. */
    public Future<Void> start() {
        context = vertx.getOrCreateContext();
        return onContext(() -> {
            if (stopped) return Future.succeededFuture();
            timer = vertx.setPeriodic(1000, id -> tick());
            return tick();
        });
    }

    public void stop() {
        stopped = true;
        if (context != null) context.runOnContext(v -> { if (timer >= 0) vertx.cancelTimer(timer); });
    }

    /**
     * Checks every schedule now rather than at the next second (after a reload, or in tests that
     * move the clock). Completes when every schedule's check or run, this tick's or one still under
     * way from an earlier tick, has ended and been recorded.
     */
    public Future<Void> tickNow() {
        if (context == null) return Future.failedFuture(new IllegalStateException("the scheduler is not started"));
        return onContext(this::tick);
    }

    private Future<Void> onContext(java.util.function.Supplier<Future<Void>> body) {
        io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
        context.runOnContext(v -> body.get().onComplete(done));
        return done.future();
    }

    private Future<Void> tick() {
        Program program = programs.current();
        if (program == null || stopped) return Future.succeededFuture();
        List<Future<Void>> ends = new ArrayList<>();
        for (Program.Schedule s : program.schedules()) {
            Future<Void> running = busy.get(s.name());
            if (running != null) {
                ends.add(running);
                continue;
            }
            Instant period;
            try {
                period = Periods.start(s, clock.instant(), clock.getZone());
            } catch (IllegalArgumentException e) {
                LOG.warning(e.getMessage());
                continue;
            }
            Instant known = lastRun.get(s.name());
            if (known != null && !known.isBefore(period)) continue;
            Future<Optional<Instant>> last = known != null ? Future.succeededFuture(Optional.of(known)) : ledger.lastScheduleRun(s.name());
            Future<Void> end = last.compose(prev -> prev.isPresent() && !prev.get().isBefore(period)
                            ? Future.succeededFuture(prev.get()) : runOnce(s, period))
                    .transform(ar -> {
                        busy.remove(s.name());
                        if (ar.succeeded()) lastRun.put(s.name(), ar.result());
                        else LOG.log(Level.WARNING, "schedule " + s.name() + " could not be recorded", ar.cause());
                        return Future.<Void>succeededFuture();
                    });
            if (!end.isComplete()) busy.put(s.name(), end);
            ends.add(end);
        }
        return Future.join(ends).mapEmpty();
    }

    private Future<Instant> runOnce(Program.Schedule s, Instant period) {
        Optional<ScheduledJob> job = jobs.job(s.job());
        Future<Void> ran;
        if (job.isEmpty()) {
            ran = Future.failedFuture(new IllegalStateException(jobs.unknownJob(s)));
        } else {
            try {
                ran = job.get().run(new JobContext(vertx, s.name(), s.args() == null ? Map.of() : s.args(), period, s.at_()));
            } catch (RuntimeException e) {
                ran = Future.failedFuture(e);
            }
        }
        return ran.transform(ar -> {
            String error = ar.succeeded() ? null : String.valueOf(ar.cause().getMessage());
            if (error != null) LOG.severe("schedule " + s.name() + " failed for period " + period + ": " + error);
            return ledger.recordScheduleRun(s.name(), period, clock.instant(), error).map(v -> period);
        });
    }
}
