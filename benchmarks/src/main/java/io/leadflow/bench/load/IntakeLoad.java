package io.leadflow.bench.load;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * T12 in one run: the raw Vert.x 202 ceiling; {@code serve --pause-delivery} (durable intake
 * alone); {@code serve} with the executor delivering to the no-limit bench emulator meanwhile,
 * then the end-to-end drain.
 * Options: {@code --seconds 20 --warmup 5 --connections 64 --max 3000000}.
 */
public final class IntakeLoad {
    private static final String TOKEN = "bench_token_0123456789abcdef0123456789";

    private IntakeLoad() { }

    public static void main(String[] args) throws Exception {
        double seconds = opt(args, "--seconds", 20);
        double warmup = opt(args, "--warmup", 5);
        int connections = (int) opt(args, "--connections", 64);
        int max = (int) opt(args, "--max", 3_000_000);
        Path tmp = Files.createTempDirectory("leadflow-load");
        Vertx vertx = Vertx.vertx();
        int external = (int) opt(args, "--external", 0);
        if (external > 0) {
            // Load an already running serve (e.g. one started under a profiler) and report intake only.
            LoadClient c = new LoadClient(vertx, external, "/v1/leads/bench", TOKEN, connections);
            c.run("warmup", warmup, max, "xw-" + System.nanoTime() + "-");
            row(c.run("external serve on port " + external, seconds, max, "x-" + System.nanoTime() + "-"));
            vertx.close().await();
            return;
        }
        LoadClient.Result raw;
        int rawPort = ChildJvm.freePort();
        try (ChildJvm server = ChildJvm.start(RawServer.class.getName(), tmp.resolve("raw.log"), rawPort, Integer.toString(rawPort))) {
            server.awaitUp("http://127.0.0.1:" + rawPort + "/");
            LoadClient c = new LoadClient(vertx, rawPort, "/v1/leads/bench", TOKEN, connections);
            c.run("warmup", warmup, max, "rw-");
            raw = c.run("raw Vert.x 202 (ceiling)", seconds, max, "r-");
        }
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("bench.flow"), "# the bench flow is built in code (BenchCompiler)\n");
        Path secrets = tmp.resolve("secrets.properties");
        Files.writeString(secrets, "source.bench.token=" + TOKEN + "\nadmin.token=bench_admin_0123456789abcdef012345\n");
        LoadClient.Result intakeOnly;
        try (ChildJvm server = serve(tmp, "paused", rules, secrets, "--pause-delivery")) {
            LoadClient c = new LoadClient(vertx, server.port, "/v1/leads/bench", TOKEN, connections);
            c.run("warmup", warmup, max, "pw-");
            intakeOnly = c.run("serve, delivery paused: durable intake alone (fsync before 202)", seconds, max, "p-");
        }
        LoadClient.Result durable;
        String e2e;
        String batch;
        try (ChildJvm server = serve(tmp, "delivering", rules, secrets)) {
            String base = "http://127.0.0.1:" + server.port;
            LoadClient c = new LoadClient(vertx, server.port, "/v1/leads/bench", TOKEN, connections);
            LoadClient.Result w = c.run("warmup", warmup, max, "sw-");
            awaitDone(base, w.ok(), 120);
            double doneBefore = metric(base, "leadflow_leads_done_total");
            long t0 = System.nanoTime();
            durable = c.run("serve, delivering to the bench emulator meanwhile", seconds, max, "s-");
            double target = doneBefore + durable.ok();
            double reached = awaitDone(base, target, 180);
            double took = (System.nanoTime() - t0) / 1e9;
            e2e = String.format(Locale.ROOT, "%,.0f leads/s (%,.0f of %,d delivered to the emulator in %.1f s from the start of the run)",
                    (reached - doneBefore) / took, reached - doneBefore, durable.ok(), took);
            batch = String.format(Locale.ROOT, "%.1f", metric(base, "leadflow_journal_mean_batch"));
        }
        vertx.close().await();
        System.out.println();
        System.out.printf(Locale.ROOT, "connections %d, %.0f s measured after %.0f s warm-up, %d cores%n", connections, seconds, warmup,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| run | leads acknowledged | leads/s | p50 ms | p99 ms | p99.9 ms | max ms | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        row(raw);
        row(intakeOnly);
        row(durable);
        System.out.printf(Locale.ROOT, "durable intake / ceiling: %.2f (with delivery running: %.2f)%n",
                intakeOnly.perSecond() / raw.perSecond(), durable.perSecond() / raw.perSecond());
        System.out.println("journal mean group-commit batch: " + batch);
        System.out.println("end-to-end (journal → executor → bench emulator, no rate limit): " + e2e);
        System.out.println("logs: " + tmp);
    }

    private static ChildJvm serve(Path tmp, String name, Path rules, Path secrets, String... extra) throws Exception {
        int port = ChildJvm.freePort();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(rules.toString(), "--sandbox", "--port", Integer.toString(port),
                "--data", tmp.resolve("data-" + name).toString(), "--secrets", secrets.toString(), "--rate", "1000000000"));
        args.addAll(java.util.List.of(extra));
        ChildJvm server = ChildJvm.start(BenchServe.class.getName(), tmp.resolve("serve-" + name + ".log"), port, args.toArray(String[]::new));
        server.awaitUp("http://127.0.0.1:" + port + "/health/live");
        return server;
    }

    private static void row(LoadClient.Result r) {
        long[] l = r.latenciesNanos();
        System.out.printf(Locale.ROOT, "| %s | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f | %d |%n", r.name(), r.ok(), r.perSecond(),
                r.percentileMs(0.50), r.percentileMs(0.99), r.percentileMs(0.999), l.length == 0 ? 0 : l[l.length - 1] / 1e6, r.errors());
    }

    private static double awaitDone(String base, double target, int timeoutSeconds) throws Exception {
        long end = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        double done = metric(base, "leadflow_leads_done_total");
        while (done < target && System.nanoTime() < end) {
            Thread.sleep(100);
            done = metric(base, "leadflow_leads_done_total");
        }
        return done;
    }

    /** Sums a metric's samples over all its label sets from {@code /metrics}. */
    static double metric(String base, String name) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        while (m.find()) sum += Double.parseDouble(m.group(1));
        return sum;
    }

    private static double opt(String[] args, String name, double fallback) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return Double.parseDouble(args[i + 1]);
        return fallback;
    }
}
