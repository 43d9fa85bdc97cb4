package io.leadflow.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.retailcrm.RetailcrmFactory;
import io.leadflow.connector.retailcrm.emulator.RetailcrmEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: a RetailCRM orders/history feed of N entries (an emulator in this JVM, each read
 * answered 80 ms late, 20 entries a page) pulled by {@code leadflow serve} in a child JVM that is
 * killed with SIGKILL again and again while it reads, restarted each time, until the feed is read.
 * Oracle: every entry id is exactly one lead row (0 missing, 0 duplicate, no DUPLICATE rows).
 * CI size 500 entries, 4 kills; full: {@code -Dpull.records=5000 -Dpull.kills=10}.
 */
class RetailcrmKillDuringPullIT {
    static final String ADMIN = "pull_admin_0123456789abcdef0123456789";

    @TempDir
    Path tmp;

    @Test
    void kill9DuringAPull_recordsEveryEntryExactlyOnce() throws Exception {
        int n = Integer.getInteger("pull.records", 500);
        int kills = Integer.getInteger("pull.kills", 4);
        Vertx vertx = Vertx.vertx();
        try {
            RetailcrmEmulator emulator = new RetailcrmFactory().startEmulator(vertx, 0).await();
            for (int i = 0; i < n; i++) {
                emulator.data().putOrder(new JsonObject().put("site", "shop1").put("status", "new").put("firstName", "Buyer " + i));
            }
            Set<String> expected = emulator.data().orderHistory().stream().map(e -> String.valueOf(e.getValue("id")))
                    .collect(Collectors.toCollection(TreeSet::new));
            emulator.faults().apply(new JsonObject().put("delayMs", 80));
            Path rules = Files.createDirectories(tmp.resolve("rules"));
            Files.writeString(rules.resolve("feed.flow"), """
                    flow "order changes" {
                      from retailcrm.orders_history(account: "shop", poll: "1s")
                      to keepincrm(account: "main")
                      contact { name <- lead.order.firstName ?? "?" }
                    }
                    """);
            Path secrets = tmp.resolve("secrets.properties");
            Files.writeString(secrets, "admin.token=" + ADMIN + "\nsource.order-changes.token=pull_source_0123456789abcdef012345\n"
                    + "crm.retailcrm.shop.base_url=http://127.0.0.1:" + emulator.port() + "\n"
                    + "crm.retailcrm.shop.api_key=" + RetailcrmEmulator.TEST_KEY + "\n"
                    + "crm.retailcrm.shop.setting.page_limit=20\n");
            Path data = tmp.resolve("data");
            Path log = tmp.resolve("serve.log");
            int port = ServerProcess.freePort();
            List<String> args = List.of("serve", rules.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
                    "--data", data.toString(), "--secrets", secrets.toString(), "--pause-delivery");
            Random random = new Random();
            int killedMidPull = 0;
            for (int k = 0; k < kills; k++) {
                ServerProcess server = ServerProcess.startMain(port, log, args);
                Thread.sleep(300 + random.nextInt(900));
                server.kill9();
                long stored = JournalFile.count(data);
                if (stored > 0 && stored < n) killedMidPull++;
                assertEquals("ok", JournalFile.integrity(data));
            }
            ServerProcess server = ServerProcess.startMain(port, log, args);
            long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (JournalFile.count(data) < n && System.nanoTime() < end) Thread.sleep(200);
            Thread.sleep(1500); // one more poll interval: anything read twice would show now
            int exit = server.stop();
            assertTrue(exit == 0 || exit == 143, "graceful stop, exit " + exit);
            Map<String, Integer> ids = JournalFile.eventIds(data);
            long duplicates = ids.values().stream().filter(c -> c > 1).count();
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(ids.keySet());
            System.out.printf("RetailCRM pull under kill -9: %d entries, %d kills (%d mid-pull), %d leads, %d missing, %d duplicate%n",
                    n, kills, killedMidPull, JournalFile.count(data), missing.size(), duplicates);
            assertTrue(killedMidPull > 0, "at least one kill must land while the feed is being read");
            assertEquals(Set.of(), missing, "no entry lost");
            assertEquals(0, duplicates, "no entry recorded twice");
            assertEquals(n, JournalFile.count(data), "one lead per entry and nothing else");
            assertEquals(0, JournalFile.countWithStatus(data, "DUPLICATE"));
            assertEquals("ok", JournalFile.integrity(data));
        } finally {
            vertx.close().await();
        }
    }
}
