package io.leadflow.runtime.it;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.keycrm.KeycrmFactory;
import io.leadflow.connector.keycrm.emulator.KeycrmEmulator;
import io.leadflow.connector.shopexpress.ShopExpressFactory;
import io.leadflow.connector.shopexpress.emulator.ShopExpressEmulator;
import io.leadflow.runtime.journal.Await;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product sync (KeyCRM → Shop-Express) killed with SIGKILL while it writes, again and again,
 * and started again until it finishes: both emulators live in this test's JVM, the sync in a child
 * JVM ({@code SyncMain}) writing 20 products a second. Oracle: every KeyCRM product is in the shop
 * exactly once (linked by external_id) and in its category, every KeyCRM category (two levels) is
 * in the shop once, under its parent (the first kill lands while they are being made), the shop
 * received exactly one create per product and per category (a write
 * cut off by the kill is not resent), the renamed product was updated, the product gone from KeyCRM
 * made unavailable, and the final counts are those of one uninterrupted run. CI size: 60 products,
 * 3 kills; larger: {@code -Dsync.products=2000 -Dsync.kills=10}.
 */
class ProductSyncKillIT {
    @TempDir
    Path tmp;

    @Test
    void kill9DuringASync_resumes_andWritesEachProductOnce() throws Exception {
        int n = Integer.getInteger("sync.products", 60);
        int kills = Integer.getInteger("sync.kills", 3);
        Vertx vertx = Vertx.vertx();
        try {
            KeycrmEmulator keycrm = Await.result(new KeycrmFactory().startEmulator(vertx, 0));
            ShopExpressEmulator shop = Await.result(new ShopExpressFactory().startEmulator(vertx, 0));
            // the emulator's assumed 60/min would stop every run with a 429; the child paces itself at 20/s
            shop.rateLimit(new RateLimit(1000, java.time.Duration.ofSeconds(1), false, "test"));
            List<Long> ids = new ArrayList<>();
            // 4 root categories with 3 subcategories each; products spread over the subcategories
            List<Long> cats = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                long root = keycrm.data().catalog().addCategory("Root " + r, null);
                cats.add(root);
                for (int c = 0; c < 3; c++) cats.add(keycrm.data().catalog().addCategory("Sub " + r + "." + c, root));
            }
            List<Long> leaves = cats.stream().filter(c -> (cats.indexOf(c) % 4) != 0).toList();
            for (int i = 0; i < n; i++) {
                ids.add(keycrm.data().catalog().addProduct("Item " + i, "SKU-" + i, null, new BigDecimal(100 + i), i, leaves.get(i % leaves.size())));
            }
            long renamed = keycrm.data().catalog().addProduct("New name", "SKU-R", null, new BigDecimal("5"), 1, null);
            shop.data().addProduct(new JsonObject().put("name", "Old name").put("sku", "SKU-R").put("price", 5).put("quantity", 1).put("visible", true));
            shop.data().addProduct(new JsonObject().put("name", "Gone").put("external_id", "999999").put("visible", true).put("available", true));

            Path checkpoints = tmp.resolve("sync");
            String period = "2026-12-03T03:00:00Z";
            int killed = 0;
            long killedAtCategories = -1;
            int runs = 0;
            String last = null;
            while (true) {
                runs++;
                assertTrue(runs < kills + 10, "the sync did not finish after " + runs + " starts:\n" + last);
                Path log = tmp.resolve("sync-" + runs + ".log");
                Process p = start(keycrm, shop, checkpoints, period, log);
                if (killed == 0) {
                    // the first kill while the categories are being made
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (p.isAlive() && shop.counters().get("POST /api/v1/categories") < cats.size() / 2 && System.nanoTime() < end) Thread.sleep(2);
                    if (p.isAlive() && shop.counters().get("POST /api/v1/products") == 0) {
                        killedAtCategories = shop.counters().get("POST /api/v1/categories");
                        p.destroyForcibly();
                        p.waitFor(10, TimeUnit.SECONDS);
                        killed++;
                        continue;
                    }
                }
                if (killed < kills) {
                    long target = shop.counters().get("POST /api/v1/products") + Math.max(3, n / (kills + 2));
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (p.isAlive() && shop.counters().get("POST /api/v1/products") < target && System.nanoTime() < end) Thread.sleep(5);
                    if (p.isAlive()) {
                        p.destroyForcibly();
                        p.waitFor(10, TimeUnit.SECONDS);
                        killed++;
                        continue;
                    }
                }
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the sync run did not end");
                last = Files.readString(log);
                if (p.exitValue() == 0) break;
            }
            assertEquals(kills, killed, "every kill landed while the sync was writing");
            assertTrue(killedAtCategories > 0 && killedAtCategories < cats.size(), "the first kill landed while the categories were made: "
                    + killedAtCategories + " of " + cats.size());
            for (long id : ids) {
                assertEquals(1, shop.data().products().stream().filter(x -> String.valueOf(id).equals(x.getString("external_id"))).count(),
                        "product " + id + " once in the shop");
            }
            assertEquals(n, shop.counters().get("POST /api/v1/products"), "one create per new product, none resent");
            JsonObject r = shop.data().products().stream().filter(x -> "SKU-R".equals(x.getString("sku"))).findFirst().orElseThrow();
            assertEquals("New name", r.getString("name"));
            assertEquals(String.valueOf(renamed), r.getString("external_id"));
            assertEquals(false, shop.data().products().stream().filter(x -> "Gone".equals(x.getString("name"))).findFirst().orElseThrow()
                    .getBoolean("available"));
            assertEquals(cats.size(), shop.data().categories().size(), "each category once in the shop");
            assertEquals(cats.size(), shop.counters().get("POST /api/v1/categories"), "one create per category, none resent");
            for (int i = 0; i < n; i++) {
                long cat = leaves.get(i % leaves.size());
                JsonObject shopCat = shop.data().categories().stream().filter(c -> String.valueOf(cat).equals(c.getString("external_id")))
                        .findFirst().orElseThrow();
                long id = ids.get(i);
                assertEquals(String.valueOf(shopCat.getValue("id")), String.valueOf(shop.data().products().stream()
                        .filter(x -> String.valueOf(id).equals(x.getString("external_id"))).findFirst().orElseThrow().getValue("category_id")),
                        "product " + id + " in its category");
            }
            String counts = last.substring(last.indexOf("COUNTS ") + 7).trim();
            assertEquals(new JsonObject().put("created", n).put("updated", 1).put("hidden", 1).put("unchanged", 0).put("failed", 0)
                            .put("categories", new JsonObject().put("created", cats.size()).put("updated", 0).put("unchanged", 0).put("failed", 0)),
                    new JsonObject(counts), "the counts of one uninterrupted run");
            System.out.println("product sync: " + n + " products, " + cats.size() + " categories (first kill after " + killedAtCategories
                    + " made), " + killed + " kills, " + runs + " starts, creates " + shop.counters().get("POST /api/v1/products"));
        } finally {
            Await.result(vertx.close());
        }
    }

    private static Process start(KeycrmEmulator keycrm, ShopExpressEmulator shop, Path checkpoints, String period, Path log) throws Exception {
        String cp = Path.of("target", "test-classes") + File.pathSeparator + ServerProcess.JAR;
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp", cp,
                "io.leadflow.runtime.testkit.SyncMain", keycrm.account("main").baseUrl(), KeycrmEmulator.TEST_KEY,
                shop.account("shop").baseUrl(), ShopExpressEmulator.TEST_KEY, checkpoints.toString(), period, "20/1s");
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return b.start();
    }
}
