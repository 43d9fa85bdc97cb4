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
 * JVM ({@code SyncMain}) that reaches the shop through a {@link HoldingProxy}: each kill is made
 * while a chosen write is held (before the shop got it, or after the shop made it but before the
 * child saw the answer), so every kill lands mid-write however loaded the machine is (it waits on
 * that state, not on time). Oracle: every KeyCRM product is in the shop
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
            // the emulator's assumed 60/min would stop every run with a 429
            shop.rateLimit(new RateLimit(1000, java.time.Duration.ofSeconds(1), false, "test"));
            // KeyCRM's documented 60/min would stop the larger runs' reads (each start reads every page again)
            keycrm.rateLimit(new RateLimit(1000, java.time.Duration.ofSeconds(1), false, "test"));
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
            HoldingProxy proxy = HoldingProxy.start(vertx, shop.port());
            int killed = 0;
            long killedAtCategories = -1;
            int runs = 0;
            String last = null;
            while (true) {
                runs++;
                assertTrue(runs < kills + 10, "the sync did not finish after " + runs + " starts:\n" + last);
                Path log = tmp.resolve("sync-" + runs + ".log");
                boolean kill = killed < kills;
                if (kill) {
                    // the first kill while the categories are being made (at the middle one); each later one after the
                    // categories still to make and a share of the products; every other one after the shop took the write
                    int k = killed == 0 ? cats.size() / 2 : cats.size() - shop.data().categories().size() + Math.max(3, n / (kills + 2));
                    proxy.holdWrite(k, killed % 2 == 1);
                }
                Process p = start(keycrm, proxy.base(), checkpoints, period, log);
                if (kill) {
                    // state, not time: the child is stuck in the held write until it is killed
                    if (!proxy.awaitHeld(p)) {
                        // it stopped on its own before that write (say a 429): started again, no kill counted
                        last = Files.readString(log);
                        continue;
                    }
                    if (killed == 0) killedAtCategories = shop.counters().get("POST /api/v1/categories");
                    p.destroyForcibly();
                    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed sync did not end");
                    proxy.release();
                    killed++;
                    continue;
                }
                assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the sync run did not end");
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

    /**
     * The shop as the child sees it: every request forwarded to the shop's emulator, except one
     * write (a POST or PATCH of a product or category) chosen before the child starts, which is
     * held: not forwarded (the kill lands before the shop got it), or forwarded and its answer
     * held (the shop made it; the kill lands before the child knew). So each kill lands in a write
     * whatever the load, instead of at a moment guessed from counters.
     */
    static final class HoldingProxy {
        private final io.vertx.core.http.HttpClient client;
        private final int target;
        private final java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        private volatile int holdAt = Integer.MAX_VALUE;
        private volatile boolean commitFirst;
        private volatile java.util.concurrent.CompletableFuture<Void> held = new java.util.concurrent.CompletableFuture<>();
        private int port;

        private HoldingProxy(Vertx vertx, int target) {
            this.client = vertx.createHttpClient();
            this.target = target;
        }

        static HoldingProxy start(Vertx vertx, int target) {
            HoldingProxy p = new HoldingProxy(vertx, target);
            p.port = Await.result(vertx.createHttpServer().requestHandler(p::handle).listen(0, "127.0.0.1")).actualPort();
            return p;
        }

        String base() {
            return "http://127.0.0.1:" + port + "/api/v1";
        }

        /** Holds the {@code k}-th write from now; {@code commitFirst}: forwarded, its answer held. */
        void holdWrite(int k, boolean commitFirst) {
            this.commitFirst = commitFirst;
            held = new java.util.concurrent.CompletableFuture<>();
            holdAt = writes.get() + k;
        }

        /** Whether the write was held while {@code child} was alive (false: it ended first). */
        boolean awaitHeld(Process child) throws Exception {
            while (child.isAlive()) {
                try {
                    held.get(200, TimeUnit.MILLISECONDS);
                    return true;
                } catch (java.util.concurrent.TimeoutException e) {
                    // not yet: the child is still working towards it
                }
            }
            return held.isDone();
        }

        void release() {
            holdAt = Integer.MAX_VALUE;
        }

        private void handle(io.vertx.core.http.HttpServerRequest req) {
            req.body().onSuccess(body -> {
                String path = req.path();
                boolean write = (req.method() == io.vertx.core.http.HttpMethod.POST || req.method() == io.vertx.core.http.HttpMethod.PATCH)
                        && (path.contains("/products") || path.contains("/categories"));
                boolean hold = write && writes.incrementAndGet() == holdAt;
                if (hold && !commitFirst) {
                    held.complete(null);
                    return;
                }
                client.request(new io.vertx.core.http.RequestOptions().setMethod(req.method()).setHost("127.0.0.1").setPort(target)
                        .setURI(req.uri())).compose(out -> {
                            req.headers().forEach((k, v) -> {
                                if (!k.equalsIgnoreCase("host") && !k.equalsIgnoreCase("content-length")) out.putHeader(k, v);
                            });
                            return out.send(body);
                        }).compose(res -> res.body().map(b -> {
                            if (hold) {
                                held.complete(null);
                                return null;
                            }
                            var answer = req.response().setStatusCode(res.statusCode());
                            res.headers().forEach((k, v) -> {
                                if (k.equalsIgnoreCase("content-type") || k.equalsIgnoreCase("retry-after")) answer.putHeader(k, v);
                            });
                            answer.end(b);
                            return null;
                        })).onFailure(e -> req.response().setStatusCode(502).end(String.valueOf(e)));
            });
        }
    }

    private static Process start(KeycrmEmulator keycrm, String shopBase, Path checkpoints, String period, Path log) throws Exception {
        String cp = Path.of("target", "test-classes") + File.pathSeparator + ServerProcess.JAR;
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp", cp,
                "io.leadflow.runtime.testkit.SyncMain", keycrm.account("main").baseUrl(), KeycrmEmulator.TEST_KEY,
                shopBase, ShopExpressEmulator.TEST_KEY, checkpoints.toString(), period, "200/1s");
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return b.start();
    }
}
