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
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Scheduler#runNow}: a declared schedule's job runs at once for the instant it was asked
 * for, not twice at the same time (with itself or with its scheduled run), and leaves the
 * journal's schedule runs (what decides the next period) alone. Waits on the job's calls, not on time.
 */
class SchedulerRunNowTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:20:00Z");
    @TempDir
    Path dir;
    Vertx vertx;
    SqliteJournal journal;
    Scheduler scheduler;
    final MutableClock clock = new MutableClock(T0);
    /** Each call of the job: its period and the promise that ends it. */
    final LinkedBlockingQueue<Map.Entry<Instant, Promise<Void>>> calls = new LinkedBlockingQueue<>();
    final JobRegistry jobs = JobRegistry.builtins().with("held", ctx -> {
        Promise<Void> p = Promise.promise();
        calls.add(Map.entry(ctx.periodStart(), p));
        return p.future();
    });

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        journal = Await.result(SqliteJournal.open(vertx, dir, JournalOptions.defaults()));
        Program.Schedule s = new Program.Schedule("catalog", Duration.ofHours(1), null, "held", Map.of(), "shop.flow:3:1");
        scheduler = new Scheduler(vertx, journal.ledger(), new ProgramHolder(new StubProgram("v1", List.of(), List.of(s))), jobs, clock);
    }

    @AfterEach
    void close() {
        scheduler.stop();
        Await.result(journal.close());
        Await.result(vertx.close());
    }

    private Map.Entry<Instant, Promise<Void>> nextCall() throws InterruptedException {
        Map.Entry<Instant, Promise<Void>> c = calls.poll(30, TimeUnit.SECONDS);
        assertTrue(c != null, "the job was not called");
        return c;
    }

    private static RunNowRefused.Reason refused(Future<Scheduler.RunStarted> f) {
        Throwable e = Await.failure(f);
        assertTrue(e instanceof RunNowRefused, String.valueOf(e));
        return ((RunNowRefused) e).reason();
    }

    @Test
    void runNow_runsTheJobForThisInstant_onceAtATime_andRecordsNoPeriod() throws Exception {
        assertEquals(RunNowRefused.Reason.NOT_RUNNING, refused(scheduler.runNow("catalog")), "not started yet");
        scheduler.start();
        var scheduled = nextCall();
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), scheduled.getKey(), "first sight: the current period");
        assertEquals(RunNowRefused.Reason.RUNNING, refused(scheduler.runNow("catalog")), "its scheduled run is running");
        scheduled.getValue().complete();
        waitRecorded();

        clock.advance(Duration.ofMinutes(7));
        Scheduler.RunStarted started = Await.result(scheduler.runNow("catalog"));
        assertEquals(new Scheduler.RunStarted("catalog", "held", T0.plus(Duration.ofMinutes(7))), started);
        var manual = nextCall();
        assertEquals(started.period(), manual.getKey(), "the job runs for the instant it was asked for");
        assertEquals(RunNowRefused.Reason.RUNNING, refused(scheduler.runNow("catalog")), "one run at a time");
        manual.getValue().complete();
        Scheduler.RunStarted again = waitStarted();
        nextCall().getValue().complete();
        assertTrue(!again.period().isBefore(started.period()));

        assertEquals(Optional.of(Instant.parse("2026-03-01T10:00:00Z")), Await.result(journal.ledger().lastScheduleRun("catalog")),
                "a run asked for is no period: the journal still holds the scheduled one");
        RunNowRefused unknown = (RunNowRefused) Await.failure(scheduler.runNow("nope"));
        assertEquals(RunNowRefused.Reason.UNKNOWN, unknown.reason());
        assertTrue(unknown.getMessage().contains("no schedule 'nope'") && unknown.getMessage().contains("catalog"), unknown.getMessage());
        scheduler.stop();
        assertEquals(RunNowRefused.Reason.NOT_RUNNING, refused(scheduler.runNow("catalog")));
    }

    /** The scheduled run's record lands after its job completes: read the journal until it is there (state, bounded). */
    private void waitRecorded() {
        for (int i = 0; i < 600 && Await.result(journal.ledger().lastScheduleRun("catalog")).isEmpty(); i++) sleep();
    }

    /** The manual run's busy mark is dropped on the scheduler's context after the job completes: ask until it is. */
    private Scheduler.RunStarted waitStarted() throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                return scheduler.runNow("catalog").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof RunNowRefused r) || r.reason() != RunNowRefused.Reason.RUNNING) throw e;
            }
            sleep();
        }
        throw new AssertionError("the schedule stayed busy after its run completed");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
