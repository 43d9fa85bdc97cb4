package io.leadflow.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: a pulled source of N records (its emulator in this JVM, each answer 80 ms late, small
 * pages) read by {@code leadflow serve --pause-delivery} in a child JVM that is killed with
 * SIGKILL again and again while it reads (each kill a random moment after that process stored its
 * first record), restarted each time, until the feed is read. Oracle:
 * every record's event id is exactly one lead row (0 missing, 0 duplicate, no DUPLICATE rows), and
 * at least one kill landed mid-pull. CI size 500 records, 4 kills; full:
 * {@code -Dpull.records=5000 -Dpull.kills=10}.
 */
abstract class KillDuringPullContract {
    static final String ADMIN = "pull_admin_0123456789abcdef0123456789";

    @TempDir
    Path tmp;

    /** Starts the emulator, fills it with n records, slows it down; answers the event ids the leads must carry. */
    protected abstract Set<String> fill(Vertx vertx, int n) throws Exception;

    /** The flow file that pulls it. */
    protected abstract String flow();

    /** The flow every subclass pulls with: {@code from <source>} into KeepinCRM, the contact named from the lead. */
    static String pulledFlow(String from, String name) {
        return "flow \"order changes\" {\n  from " + from + "\n  to keepincrm(account: \"main\")\n  contact { name <- " + name + " ?? \"?\" }\n}\n";
    }

    /** The secrets-file lines of the pulled account (base_url at the emulator, credentials, a small page). */
    protected abstract String account();

    protected abstract String name();

    /** {@code GET /v1/sources} as the admin sees it (printed when the oracle fails). */
    private static String sources(int port) {
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/v1/sources")).header("Authorization", "Bearer " + ADMIN).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (Exception e) {
            return "unavailable: " + e;
        }
    }

    @Test
    void kill9DuringAPull_recordsEveryRecordExactlyOnce() throws Exception {
        int n = Integer.getInteger("pull.records", 500);
        int kills = Integer.getInteger("pull.kills", 4);
        Vertx vertx = Vertx.vertx();
        try {
            Set<String> expected = new TreeSet<>(fill(vertx, n));
            assertEquals(n, expected.size());
            Path rules = Files.createDirectories(tmp.resolve("rules"));
            Files.writeString(rules.resolve("feed.flow"), flow());
            Path secrets = tmp.resolve("secrets.properties");
            Files.writeString(secrets, "admin.token=" + ADMIN + "\n" + account());
            Path data = tmp.resolve("data");
            Path log = tmp.resolve("serve.log");
            int port = ServerProcess.freePort();
            List<String> args = List.of("serve", rules.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
                    "--data", data.toString(), "--secrets", secrets.toString(), "--pause-delivery");
            Random random = new Random();
            int killedMidPull = 0;
            for (int k = 0; k < kills; k++) {
                long before = JournalFile.countWhileRunning(data);
                ServerProcess server = ServerProcess.startMain(port, log, args);
                // Kill once this process has stored something (so the kill lands while the feed is
                // being read, however slowly a loaded machine starts the JVM), a random moment later.
                long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (JournalFile.countWhileRunning(data) <= before && System.nanoTime() < waitUntil) Thread.sleep(20);
                Thread.sleep(random.nextInt(400));
                server.kill9();
                long stored = JournalFile.count(data);
                if (stored > 0 && stored < n) killedMidPull++;
                assertEquals("ok", JournalFile.integrity(data));
            }
            ServerProcess server = ServerProcess.startMain(port, log, args);
            long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (JournalFile.count(data) < n && System.nanoTime() < end) Thread.sleep(200);
            Thread.sleep(1500); // one more poll interval: anything read twice would show now
            String sources = sources(port);
            int exit = server.stop();
            if (JournalFile.count(data) != n) {
                String text = Files.readString(log);
                System.out.println("GET /v1/sources: " + sources + "\nserve log (end):\n" + text.substring(Math.max(0, text.length() - 6000)));
            }
            assertTrue(exit == 0 || exit == 143, "graceful stop, exit " + exit);
            Map<String, Integer> ids = JournalFile.eventIds(data);
            long duplicates = ids.values().stream().filter(c -> c > 1).count();
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(ids.keySet());
            System.out.printf("%s pull under kill -9: %d records, %d kills (%d mid-pull), %d leads, %d missing, %d duplicate%n",
                    name(), n, kills, killedMidPull, JournalFile.count(data), missing.size(), duplicates);
            assertTrue(killedMidPull > 0, "at least one kill must land while the feed is being read");
            assertEquals(Set.of(), missing, "no record lost");
            assertEquals(0, duplicates, "no record stored twice");
            assertEquals(n, JournalFile.count(data), "one lead per record and nothing else");
            assertEquals(0, JournalFile.countWithStatus(data, "DUPLICATE"));
            assertEquals("ok", JournalFile.integrity(data));
        } finally {
            vertx.close().await();
        }
    }
}
