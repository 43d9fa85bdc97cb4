package io.leadflow.bench.load;

import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 13 figures in one run: durable intake (delivery running) and the end-to-end drain to the
 * no-limit bench emulator, on the embedded SQLite journal (one node), PostgreSQL (one node) and
 * PostgreSQL (two nodes, the load split over both, each delivering the partitions it holds; the
 * last column says how many leads each node delivered).
 * Options: {@code --seconds 15 --warmup 5 --connections 64 --max 2000000}.
 */
public final class ClusterLoad {
    private static final String TOKEN = "bench_token_0123456789abcdef0123456789";

    private ClusterLoad() { }

    public static void main(String[] args) throws Exception {
        double seconds = opt(args, "--seconds", 15);
        double warmup = opt(args, "--warmup", 5);
        int connections = (int) opt(args, "--connections", 64);
        int max = (int) opt(args, "--max", 2_000_000);
        Path tmp = Files.createTempDirectory("leadflow-cluster-load");
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("bench.flow"), "# the bench flow is built in code (BenchCompiler)\n");
        Path secrets = tmp.resolve("secrets.properties");
        Files.writeString(secrets, "source.bench.token=" + TOKEN + "\nadmin.token=bench_admin_0123456789abcdef012345\n");
        String server = System.getenv("LEADFLOW_PG_URL");
        EmbeddedPostgres embedded = null;
        if (server == null || server.isBlank()) {
            embedded = EmbeddedPostgres.builder().start();
            server = "postgresql://postgres:postgres@localhost:" + embedded.getPort() + "/postgres";
        }
        Vertx vertx = Vertx.vertx();
        List<String> rows = new ArrayList<>();
        try {
            rows.add(run(vertx, tmp, rules, secrets, "SQLite, 1 node", List.of(List.of()), seconds, warmup, connections, max));
            String one = freshDatabase(server);
            rows.add(run(vertx, tmp, rules, secrets, "PostgreSQL, 1 node",
                    List.of(List.of("--journal", one, "--node-id", "n1")), seconds, warmup, connections, max));
            String two = freshDatabase(server);
            rows.add(run(vertx, tmp, rules, secrets, "PostgreSQL, 2 nodes",
                    List.of(List.of("--journal", two, "--node-id", "a"), List.of("--journal", two, "--node-id", "b")),
                    seconds, warmup, connections, max));
        } finally {
            vertx.close().await();
            if (embedded != null) embedded.close();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "connections %d in all, %.0f s measured after %.0f s warm-up, %d cores%n", connections, seconds, warmup,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| journal | intake leads/s | intake p50 ms | intake p99 ms | errors | end-to-end leads/s | drained | delivered per node |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println("logs: " + tmp);
    }

    /** One configuration: its nodes up, warm-up, a measured run split over the nodes, then the drain. */
    private static String run(Vertx vertx, Path tmp, Path rules, Path secrets, String name, List<List<String>> nodes,
                              double seconds, double warmup, int connections, int max) throws Exception {
        List<ChildJvm> servers = new ArrayList<>();
        try {
            for (int i = 0; i < nodes.size(); i++) servers.add(serve(tmp, name.replaceAll("\\W+", "-") + i, rules, secrets, nodes.get(i)));
            int per = Math.max(1, connections / servers.size());
            List<LoadClient> clients = servers.stream().map(s -> new LoadClient(vertx, s.port, "/v1/leads/bench", TOKEN, per)).toList();
            long warmOk = 0;
            for (LoadClient.Result r : all(clients, "warmup", warmup, max / servers.size(), "w")) warmOk += r.ok();
            awaitDone(servers, warmOk, 180);
            double before = done(servers);
            double[] each = new double[servers.size()];
            for (int i = 0; i < each.length; i++) each[i] = done(servers.subList(i, i + 1));
            long t0 = System.nanoTime();
            List<LoadClient.Result> measured = all(clients, name, seconds, max / servers.size(), "m");
            long ok = measured.stream().mapToLong(LoadClient.Result::ok).sum();
            long errors = measured.stream().mapToLong(LoadClient.Result::errors).sum();
            double took = measured.stream().mapToDouble(LoadClient.Result::seconds).max().orElse(seconds);
            long[] lat = measured.stream().flatMapToLong(r -> Arrays.stream(r.latenciesNanos())).sorted().toArray();
            double reached = awaitDone(servers, before + ok, 300);
            double drain = (System.nanoTime() - t0) / 1e9;
            StringBuilder split = new StringBuilder();
            for (int i = 0; i < each.length; i++) {
                split.append(i == 0 ? "" : " + ").append(String.format(Locale.ROOT, "%,.0f", done(servers.subList(i, i + 1)) - each[i]));
            }
            return String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %d | %,.0f | %,.0f of %,d in %.1f s | %s |", name, ok / took,
                    pct(lat, 0.50), pct(lat, 0.99), errors, (reached - before) / drain, reached - before, ok, drain, split);
        } finally {
            for (ChildJvm s : servers) s.close();
        }
    }

    private static List<LoadClient.Result> all(List<LoadClient> clients, String name, double seconds, int max, String prefix) {
        long stamp = System.nanoTime();
        List<CompletableFuture<LoadClient.Result>> fs = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            LoadClient c = clients.get(i);
            String p = prefix + stamp + "-" + i + "-";
            fs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return c.run(name, seconds, max, p);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        return fs.stream().map(CompletableFuture::join).toList();
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static double done(List<ChildJvm> servers) throws Exception {
        double sum = 0;
        for (ChildJvm s : servers) sum += IntakeLoad.metric("http://127.0.0.1:" + s.port, "leadflow_leads_done_total");
        return sum;
    }

    private static double awaitDone(List<ChildJvm> servers, double target, int timeoutSeconds) throws Exception {
        long end = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        double d = done(servers);
        while (d < target && System.nanoTime() < end) {
            Thread.sleep(100);
            d = done(servers);
        }
        return d;
    }

    private static ChildJvm serve(Path tmp, String name, Path rules, Path secrets, List<String> extra) throws Exception {
        int port = ChildJvm.freePort();
        List<String> args = new ArrayList<>(List.of(rules.toString(), "--sandbox", "--port", Integer.toString(port),
                "--data", tmp.resolve("data-" + name).toString(), "--secrets", secrets.toString(), "--rate", "1000000000"));
        args.addAll(extra);
        ChildJvm server = ChildJvm.start(BenchServe.class.getName(), tmp.resolve("serve-" + name + ".log"), port, args.toArray(String[]::new));
        server.awaitUp("http://127.0.0.1:" + port + "/health/live");
        return server;
    }

    private static String freshDatabase(String server) throws Exception {
        URI u = URI.create(server);
        String[] cred = u.getUserInfo() == null ? new String[] {null, null} : u.getUserInfo().split(":", 2);
        String name = "bench_" + Long.toHexString(System.nanoTime());
        String jdbc = "jdbc:postgresql://" + u.getHost() + ":" + (u.getPort() > 0 ? u.getPort() : 5432) + u.getPath();
        try (Connection c = DriverManager.getConnection(jdbc, cred[0], cred.length > 1 ? cred[1] : System.getenv("PGPASSWORD"));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "postgresql://" + (u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@") + u.getHost() + ":"
                + (u.getPort() > 0 ? u.getPort() : 5432) + "/" + name;
    }

    private static double opt(String[] args, String name, double fallback) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return Double.parseDouble(args[i + 1]);
        return fallback;
    }
}
