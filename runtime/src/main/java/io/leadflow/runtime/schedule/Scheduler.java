package io.leadflow.runtime.schedule;

import io.leadflow.dsl.Program;
import io.leadflow.runtime.exec.ProgramSource;
import io.leadflow.runtime.journal.Ledger;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final Set<String> busy = new HashSet<>();
    private long timer = -1;
    private volatile boolean stopped;
    private io.vertx.core.Context context;

    /** A run {@link #runNow} started: the schedule, its job and the period it runs for (the instant it was asked for). */
    public record RunStarted(String schedule, String job, Instant period) { }

    public Scheduler(Vertx vertx, Ledger ledger, ProgramSource programs, JobRegistry jobs, Clock clock) {
        this.vertx = vertx;
        this.ledger = ledger;
        this.programs = programs;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Starts ticking (call once). */
    public void start() {
        context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            if (stopped) return;
            timer = vertx.setPeriodic(1000, id -> tick());
            tick();
        });
    }

    public void stop() {
        stopped = true;
        if (context != null) context.runOnContext(v -> { if (timer >= 0) vertx.cancelTimer(timer); });
    }

    /** Checks every schedule now rather than at the next second (after a reload, or in tests that move the clock). */
    public void tickNow() {
        if (context != null) context.runOnContext(v -> tick());
    }

    /**
     * Runs a declared schedule's job now, outside its periods ({@code POST /v1/schedules/{name}/run}):
     * its period is this instant, so it neither repeats nor replaces a scheduled period (the next
     * period runs when due; nothing is recorded in the journal's schedule runs). Completes with that
     * period as soon as the run has started; the run goes on, and reports as the job does ({@code GET
     * /v1/schedules}). Refused ({@link RunNowRefused}) when the current rules declare no such schedule,
     * when the schedule is running (scheduled or asked for), or when the scheduler is stopped.
     */
    public Future<RunStarted> runNow(String name) {
        io.vertx.core.Promise<RunStarted> started = io.vertx.core.Promise.promise();
        if (context == null || stopped) return Future.failedFuture(RunNowRefused.notRunning());
        context.runOnContext(v -> {
            Program program = programs.current();
            Optional<Program.Schedule> s = program == null ? Optional.empty()
                    : program.schedules().stream().filter(x -> x.name().equals(name)).findFirst();
            if (s.isEmpty()) {
                started.fail(RunNowRefused.unknown(name, program == null ? java.util.List.of() : program.schedules().stream().map(Program.Schedule::name).toList()));
            } else if (stopped) {
                started.fail(RunNowRefused.notRunning());
            } else if (!busy.add(name)) {
                started.fail(RunNowRefused.running(name));
            } else {
                Instant period = clock.instant();
                started.complete(new RunStarted(name, s.get().job(), period));
                LOG.info("schedule " + name + " asked to run now (period " + period + ")");
                job(s.get(), period).onComplete(ar -> onContext(() -> {
                    busy.remove(name);
                    if (ar.failed()) LOG.severe("schedule " + name + " (run now, period " + period + ") failed: " + ar.cause().getMessage());
                }));
            }
        });
        return started.future();
    }

    private void tick() {
        Program program = programs.current();
        if (program == null || stopped) return;
        for (Program.Schedule s : program.schedules()) {
            if (busy.contains(s.name())) continue;
            Instant period;
            try {
                period = Periods.start(s, clock.instant(), clock.getZone());
            } catch (IllegalArgumentException e) {
                LOG.warning(e.getMessage());
                continue;
            }
            Instant known = lastRun.get(s.name());
            if (known != null && !known.isBefore(period)) continue;
            busy.add(s.name());
            Future<Optional<Instant>> last = known != null ? Future.succeededFuture(Optional.of(known)) : ledger.lastScheduleRun(s.name());
            last.compose(prev -> prev.isPresent() && !prev.get().isBefore(period)
                            ? Future.succeededFuture(prev.get()) : runOnce(s, period))
                    .onComplete(ar -> onContext(() -> {
                        busy.remove(s.name());
                        if (ar.succeeded()) lastRun.put(s.name(), ar.result());
                        else LOG.log(Level.WARNING, "schedule " + s.name() + " could not be recorded", ar.cause());
                    }));
        }
    }

    /** The scheduler's own state ({@code busy}, {@code lastRun}) is touched on its context only; a job may complete on any thread. */
    private void onContext(Runnable r) {
        if (io.vertx.core.Vertx.currentContext() == context) r.run();
        else context.runOnContext(v -> r.run());
    }

    /** One run of the schedule's job for {@code period}; a job that throws is a failed run. */
    private Future<Void> job(Program.Schedule s, Instant period) {
        Optional<ScheduledJob> job = jobs.job(s.job());
        if (job.isEmpty()) return Future.failedFuture(new IllegalStateException(jobs.unknownJob(s)));
        try {
            return job.get().run(new JobContext(vertx, s.name(), s.args() == null ? Map.of() : s.args(), period, s.at_()));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Future<Instant> runOnce(Program.Schedule s, Instant period) {
        return job(s, period).transform(ar -> {
            String error = ar.succeeded() ? null : String.valueOf(ar.cause().getMessage());
            if (error != null) LOG.severe("schedule " + s.name() + " failed for period " + period + ": " + error);
            return ledger.recordScheduleRun(s.name(), period, clock.instant(), error).map(v -> period);
        });
    }
}
