package io.leadflow.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.mindbox.MindboxFactory;
import io.leadflow.connector.mindbox.emulator.MindboxEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, "through outages": Mindbox order transactions (begin + commit, the seed-004 step
 * {@code commit}) delivered by {@code leadflow serve} in a child JVM that is killed with SIGKILL
 * again and again while it delivers, with one commit answer lost (the emulator commits, then drops
 * the connection) and commits refused with 503 for a while. The Mindbox emulator runs in this JVM,
 * each answer 60 ms late, so kills land between a begin and its commit. Oracle (the emulator's own
 * count per transaction): every order's transaction committed exactly once, none rolled back, one
 * transaction per order and no other, every lead DONE. CI size: 120 orders, 3 kills; larger:
 * {@code -Dmindbox.orders=2000 -Dmindbox.kills=10}.
 */
class MindboxKillIT {
    static final String TOKEN = "mbx_source_0123456789abcdef0123456789";
    static final String ADMIN = "mbx_admin_0123456789abcdef01234567890";
    static final String COMMIT = "Website.CommitOrderTransaction";

    @TempDir
    Path tmp;

    @Test
    void kill9DuringTransactions_commitsEachOrderExactlyOnce() throws Exception {
        int n = Integer.getInteger("mindbox.orders", 120);
        int kills = Integer.getInteger("mindbox.kills", 3);
        Vertx vertx = Vertx.vertx();
        try {
            MindboxEmulator mindbox = new MindboxFactory().startEmulator(vertx, 0).await();
            JsonObject products = new JsonObject();
            for (int i = 0; i < 5; i++) products.put("SKU-" + i, 100 + i);
            mindbox.data().setup(new JsonObject().put("products", products));
            mindbox.faults().apply(new JsonObject().put("delayMs", 60));
            mindbox.operationFault(COMMIT, 1, 0, 0);

            Path rules = Files.createDirectories(tmp.resolve("rules"));
            Files.writeString(rules.resolve("orders.flow"), """
                    flow "orders" {
                      from site.orders
                      to mindbox(account: "main")
                      order {
                        step         <- "commit"
                        order_id     <- lead.order_id
                        order_number <- lead.number
                        customer_id  <- lead.customer_id
                        email        <- lead.email
                        total_price  <- number(lead.total)
                      }
                      products from lead.items as item {
                        product_id <- item.sku
                        price      <- number(item.price)
                        quantity   <- number(item.qty)
                        line_id    <- item.line
                      }
                    }
                    """);
            Path secrets = tmp.resolve("secrets.properties");
            Files.writeString(secrets, "source.orders.token=" + TOKEN + "\nadmin.token=" + ADMIN + "\n"
                    + "crm.mindbox.main.base_url=http://127.0.0.1:" + mindbox.port() + "\n"
                    + "crm.mindbox.main.api_key=" + MindboxEmulator.TEST_KEY + "\n"
                    + "crm.mindbox.main.setting.endpoint_id=" + MindboxEmulator.ENDPOINT + "\n"
                    + "crm.mindbox.main.setting.customer_id=retailCRMId\n"
                    + "crm.mindbox.main.setting.order_id=retailCRMId\n"
                    + "crm.mindbox.main.setting.order_number_id=retailCRMNumber\n"
                    + "crm.mindbox.main.setting.product_id=website\n");
            Path data = tmp.resolve("data");
            Path log = tmp.resolve("serve.log");
            int port = ServerProcess.freePort();
            List<String> args = List.of("serve", rules.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
                    "--data", data.toString(), "--secrets", secrets.toString());

            ServerProcess server = ServerProcess.startMain(port, log, args);
            post(port, n);
            int killedMidTransaction = 0;
            for (int k = 1; k <= kills; k++) {
                long target = (long) n * k / (kills + 1);
                long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (commits(mindbox) < target && System.nanoTime() < end) Thread.sleep(5);
                if (k == 2) mindbox.operationFault(COMMIT, 0, 3, 503);
                server.kill9();
                if (openTransactions(mindbox) > 0) killedMidTransaction++;
                assertEquals("ok", JournalFile.integrity(data));
                server = ServerProcess.startMain(port, log, args);
            }
            long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (JournalFile.countWithStatus(data, "DONE") < n && System.nanoTime() < end) Thread.sleep(100);
            int exit = server.stop();
            assertTrue(exit == 0 || exit == 143, "graceful stop, exit " + exit);

            JsonObject state = mindbox.data().snapshot();
            JsonArray tx = state.getJsonArray("transactions");
            Map<String, String> wrong = new TreeMap<>();
            for (Object o : tx) {
                JsonObject t = (JsonObject) o;
                if (t.getInteger("commits") != 1 || t.getInteger("rollbacks") != 0) {
                    wrong.put(t.getString("externalId"), t.getString("state") + " commits " + t.getInteger("commits")
                            + " rollbacks " + t.getInteger("rollbacks"));
                }
            }
            System.out.printf("Mindbox under kill -9: %d orders, %d kills (%d with a transaction open), transactions %d, commits %d,"
                            + " rollbacks %d, saved orders %d, commit calls %d%n", n, kills, killedMidTransaction, tx.size(),
                    state.getLong("commits"), state.getLong("rollbacks"), state.getJsonArray("orders").size(),
                    mindbox.received().stream().filter(r -> r.uri().contains(COMMIT)).count());
            assertEquals(n, JournalFile.countWithStatus(data, "DONE"), "every lead done:\n" + tail(log));
            assertEquals(Map.of(), wrong, "every transaction committed exactly once, never rolled back");
            assertEquals(n, tx.size(), "one transaction per order, none begun twice under another id");
            assertEquals(n, state.getLong("commits"));
            assertEquals(n, state.getJsonArray("orders").size(), "every order saved once");
            assertTrue(killedMidTransaction > 0, "at least one kill must land while a transaction is open");
            assertEquals("ok", JournalFile.integrity(data));
        } finally {
            vertx.close().await();
        }
    }

    private static long commits(MindboxEmulator mindbox) {
        return mindbox.data().snapshot().getLong("commits");
    }

    private static long openTransactions(MindboxEmulator mindbox) {
        return mindbox.data().snapshot().getJsonArray("transactions").stream()
                .filter(o -> "open".equals(((JsonObject) o).getString("state"))).count();
    }

    /** The orders as a shop's webhook posts them, each with its own idempotency key; retried until acknowledged. */
    private static void post(int port, int n) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/v1/leads/orders");
        for (int i = 0; i < n; i++) {
            JsonObject order = new JsonObject().put("order_id", 5000 + i).put("number", "N-" + i).put("customer_id", 700 + i % 40)
                    .put("email", "buyer" + i + "@example.com").put("total", String.valueOf(100 + i % 5 + 2 * (101 + (i + 1) % 5)))
                    .put("items", new JsonArray()
                            .add(new JsonObject().put("sku", "SKU-" + i % 5).put("price", String.valueOf(100 + i % 5)).put("qty", 1).put("line", 1))
                            .add(new JsonObject().put("sku", "SKU-" + (i + 1) % 5).put("price", String.valueOf(100 + (i + 1) % 5)).put("qty", 2).put("line", 2)));
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "mbx-" + i).POST(HttpRequest.BodyPublishers.ofString(order.encode())).build();
            HttpResponse<String> r = null;
            for (int attempt = 0; attempt < 20 && (r == null || r.statusCode() >= 300); attempt++) {
                r = client.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() >= 300) Thread.sleep(100);
            }
            assertTrue(r.statusCode() < 300, "order " + i + " acknowledged: " + r.statusCode() + " " + r.body());
        }
    }

    private static String tail(Path log) throws Exception {
        String s = Files.readString(log);
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
