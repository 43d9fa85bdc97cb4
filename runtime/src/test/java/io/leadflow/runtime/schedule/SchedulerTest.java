package io.leadflow.runtime.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.Program;
import io.leadflow.runtime.exec.MutableClock;
import io.leadflow.runtime.exec.ProgramHolder;
import io.leadflow.runtime.exec.StubProgram;
import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.sqlite.JournalOptions;
import io.leadflow.runtime.journal.sqlite.SqliteJournal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:20:00Z");
    @TempDir
    Path dir;
    Vertx vertx;
    SqliteJournal journal;
    Scheduler scheduler;
    final MutableClock clock = new MutableClock(T0);
    final List<Instant> runs = new CopyOnWriteArrayList<>();
    final JobRegistry jobs = JobRegistry.builtins().with("count", ctx -> {
        runs.add(ctx.periodStart());
        return Future.succeededFuture();
    });

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        journal = Await.result(SqliteJournal.open(vertx, dir, JournalOptions.defaults()));
    }

    @AfterEach
    void close() {
        if (scheduler != null) scheduler.stop();
        Await.result(journal.close());
        Await.result(vertx.close());
    }

    private static ProgramHolder program(String job) {
        Program.Schedule s = new Program.Schedule("prices", Duration.ofHours(1), null, job, Map.of("feed", "main"), "shop.flow:3:1");
        return new ProgramHolder(new StubProgram("v1", List.of(), List.of(s)));
    }

    /** Starts a scheduler and waits until its first tick's checks and runs are recorded (state, not time). */
    private void startScheduler(ProgramHolder programs) {
        scheduler = new Scheduler(vertx, journal.ledger(), programs, jobs, clock);
        Await.result(scheduler.start());
    }

    /** A tick, waited for until every schedule's check or run has ended and been recorded. */
    private void tick() {
        Await.result(scheduler.tickNow());
    }

    @Test
    void schedule_runsOncePerPeriod_acrossRestart_andCatchesUpMissedPeriodsOnce() {
        ProgramHolder programs = program("count");
        startScheduler(programs);
        assertEquals(List.of(Instant.parse("2026-03-01T10:00:00Z")), runs, "first sight runs for the current period");
        tick();
        assertEquals(1, runs.size(), "not twice in one period");

        scheduler.stop();
        Await.result(journal.close());
        journal = Await.result(SqliteJournal.open(vertx, dir, JournalOptions.defaults()));
        startScheduler(programs);
        assertEquals(1, runs.size(), "a restart in the same period does not run it again");

        clock.advance(Duration.ofHours(3));
        tick();
        tick();
        assertEquals(List.of(Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T13:00:00Z")), runs,
                "three missed periods are caught up with one run");
    }

    @Test
    void unknownJob_isAClearError_recordedAndNotFatal() {
        ProgramHolder programs = program("sync_prices");
        List<String> errors = jobs.check(programs.current());
        assertEquals(List.of("shop.flow:3:1: schedule prices: unknown job 'sync_prices'; known jobs: count, log"), errors);
        startScheduler(programs);
        assertTrue(Await.result(journal.ledger().lastScheduleRun("prices")).isPresent(), "the failed period is recorded");
        assertTrue(runs.isEmpty());
    }
}
