package io.leadflow.bench.journal;

import io.leadflow.runtime.journal.IncomingLead;
import io.leadflow.runtime.journal.Stats;
import io.leadflow.runtime.journal.sqlite.JournalOptions;
import io.leadflow.runtime.journal.sqlite.SqliteJournal;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable appends per second through the SQLite journal (synchronous=FULL, group commit) with
 * 1, 16, 64 and 256 closed-loop clients, each waiting for its ack before the next append; ~300-byte
 * JSON leads with unique source ids, as in RELIABILITY.md §3.2. Prints a markdown table.
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.leadflow.bench.journal.JournalThroughput [seconds] [clients...]}
 */
public final class JournalThroughput {
    private static final byte[] BODY = ("{\"name\":\"Olena Petrenko\",\"phone\":\"+380671234567\",\"email\":\"olena@example.com\","
            + "\"order_id\":\"100500\",\"total\":\"1499.00\",\"items\":[{\"sku\":\"A-1\",\"qty\":1,\"price\":\"999.00\"},"
            + "{\"sku\":\"B-2\",\"qty\":2,\"price\":\"250.00\"}],\"comment\":\"call after 18:00\",\"utm_source\":\"google\"}")
            .getBytes(StandardCharsets.UTF_8);

    private JournalThroughput() { }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] clients = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 16, 64, 256};
        Vertx vertx = Vertx.vertx();
        System.out.println("| clients | durable appends/s | p50 ms | p99 ms | mean batch |");
        System.out.println("|---|---|---|---|---|");
        for (int c : clients) System.out.println(run(vertx, c, seconds));
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private static String run(Vertx vertx, int clients, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("lf-bench-journal");
        SqliteJournal journal = SqliteJournal.open(vertx, dir, JournalOptions.defaults()).toCompletionStage().toCompletableFuture().get();
        AtomicLong ids = new AtomicLong();
        measure(vertx, journal, clients, 2, ids);                       // warm-up
        Stats before = journal.stats().toCompletionStage().toCompletableFuture().get();
        long[] latencies = measure(vertx, journal, clients, seconds, ids);
        Stats after = journal.stats().toCompletionStage().toCompletableFuture().get();
        journal.close().toCompletionStage().toCompletableFuture().get();
        double batch = (double) (after.rowsCommitted() - before.rowsCommitted()) / (after.commits() - before.commits());
        Arrays.sort(latencies);
        return String.format("| %d | %,.0f | %.2f | %.2f | %.1f |", clients, latencies.length / (double) seconds,
                pct(latencies, 0.50), pct(latencies, 0.99), batch);
    }

    private static long[] measure(Vertx vertx, SqliteJournal journal, int clients, int seconds, AtomicLong ids) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> perClient = new ArrayList<>();
        List<Future<Void>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] buf = {new long[4096]};
            int[] n = {0};
            Promise<Void> p = Promise.promise();
            vertx.runOnContext(v -> next(journal, ids, end, buf, n, p));
            done.add(p.future().map(v -> {
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(buf[0], n[0]));
                }
                return null;
            }));
        }
        Future.all(done).toCompletionStage().toCompletableFuture().get();
        return perClient.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static void next(SqliteJournal journal, AtomicLong ids, long end, long[][] buf, int[] n, Promise<Void> done) {
        if (System.nanoTime() >= end) {
            done.complete();
            return;
        }
        long start = System.nanoTime();
        IncomingLead lead = new IncomingLead("orders", "bench", "e-" + ids.incrementAndGet(), null, BODY,
                "application/json", Map.of("user-agent", "bench"), Instant.now());
        journal.append(lead).onComplete(ar -> {
            if (ar.failed()) {
                done.fail(ar.cause());
                return;
            }
            if (n[0] == buf[0].length) buf[0] = Arrays.copyOf(buf[0], n[0] * 2);
            buf[0][n[0]++] = System.nanoTime() - start;
            next(journal, ids, end, buf, n, done);
        });
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }
}
