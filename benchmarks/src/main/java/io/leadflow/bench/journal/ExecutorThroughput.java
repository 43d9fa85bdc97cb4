package io.leadflow.bench.journal;

import io.leadflow.runtime.exec.Engine;
import io.leadflow.runtime.exec.EngineOptions;
import io.leadflow.runtime.exec.ExecutionListener;
import io.leadflow.runtime.exec.ProgramHolder;
import io.leadflow.runtime.journal.IncomingLead;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.Stats;
import io.leadflow.runtime.journal.sqlite.JournalOptions;
import io.leadflow.runtime.journal.sqlite.SqliteJournal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Leads per second from journal to done: N journaled leads (distinct contacts), each decided
 * into two effects and performed against a CRM that answers at once, every step durable.
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.leadflow.bench.journal.ExecutorThroughput [leads] [activeLanes]}
 */
public final class ExecutorThroughput {
    private ExecutorThroughput() { }

    public static void main(String[] args) throws Exception {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int active = args.length > 1 ? Integer.parseInt(args[1]) : EngineOptions.defaults().maxActive();
        Vertx vertx = Vertx.vertx();
        Path dir = Files.createTempDirectory("lf-bench-exec");
        SqliteJournal journal = get(SqliteJournal.open(vertx, dir, JournalOptions.defaults()));
        List<Future<?>> appends = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            byte[] body = ("{\"phone\":\"+38067" + (1_000_000 + i) + "\"}").getBytes(StandardCharsets.UTF_8);
            appends.add(journal.append(new IncomingLead("orders", "bench", "e-" + i, null, body, "application/json",
                    Map.of(), Instant.now())));
            if (appends.size() == 1000) {
                get(Future.all(appends));
                appends.clear();
            }
        }
        get(Future.all(appends));
        NullConnector crm = new NullConnector();
        Stats before = get(journal.stats());
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch(leads);
        ExecutionListener counter = new ExecutionListener() {
            @Override
            public void leadFinished(String flow, LeadStatus status, Duration sinceReceived) {
                if (status == LeadStatus.DONE) done.countDown();
            }
        };
        Engine engine = get(Engine.start(vertx, journal, new ProgramHolder(BenchFlow.program()),
                (c, a) -> Optional.of(crm), Clock.systemUTC(),
                EngineOptions.defaults().withConcurrency(10_000, active).withListener(counter)));
        done.await();
        double secs = (System.nanoTime() - start) / 1e9;
        Thread.sleep(1100);                       // let the per-status counts refresh
        Stats s = get(journal.stats());
        System.out.printf("| %d leads | %d active lanes | %,.0f leads/s done | %.1f s | %d commits | mean batch %.1f |%n", leads, active, leads / secs, secs,
                s.commits() - before.commits(),
                (double) (s.rowsCommitted() - before.rowsCommitted()) / (s.commits() - before.commits()));
        if (s.leadsByStatus().get(LeadStatus.DONE) != leads) throw new IllegalStateException("not all leads done: " + s);
        get(engine.stop());
        get(journal.close());
        get(vertx.close());
    }

    private static <T> T get(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get();
    }
}
