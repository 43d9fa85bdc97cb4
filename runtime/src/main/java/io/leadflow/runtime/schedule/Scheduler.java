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
                    .onComplete(ar -> {
                        busy.remove(s.name());
                        if (ar.succeeded()) lastRun.put(s.name(), ar.result());
                        else LOG.log(Level.WARNING, "schedule " + s.name() + " could not be recorded", ar.cause());
                    });
        }
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
