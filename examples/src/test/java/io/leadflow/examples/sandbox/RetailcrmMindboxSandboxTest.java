package io.leadflow.examples.sandbox;

import static io.leadflow.examples.sandbox.SandboxRun.find;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 004 end to end in {@code serve examples/retailcrm-mindbox --sandbox} (issue 12): a customer
 * created and edited in RetailCRM reaches Mindbox as one customer; an order moving through the
 * configured statuses is calculated (promo discount, code and bonus balance land in the RetailCRM
 * order's custom fields), then begun and committed once; with Mindbox down and one commit answer
 * lost, another order still ends committed exactly once (the emulator's commits are counted).
 * The outage lasts 4 s in the default build and 60 s with {@code -Psoak}.
 *
 * <p>Orders are made and moved through the RetailCRM emulator's API ({@code orders/create},
 * {@code orders/{id}/edit}); the orders flow reads RetailCRM's change feed itself
 * ({@code retailcrm.orders_history(whole_order: true)}). Customer changes are still posted to the
 * customers flow's URL in the feed's shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetailcrmMindboxSandboxTest {
    private static final String CUSTOMERS_TOKEN = "lf_test_mbcustomers_0123456789abcdef0123";
    @TempDir
    static Path data;
    private SandboxRun run;

    @BeforeAll
    void start() throws Exception {
        run = SandboxRun.start(Path.of("retailcrm-mindbox"), data, Map.of("source.retailcrm-customers-to-mindbox.token", CUSTOMERS_TOKEN));
    }

    @AfterAll
    void stop() {
        run.close();
    }

    private void customerChange(int entry, long customer, String email, boolean created) throws Exception {
        String body = "{\"id\":" + entry + "," + (created ? "\"created\":true" : "\"field\":\"email\"") + ",\"customer\":{\"id\":" + customer + ","
                + "\"firstName\":\"Ольга\",\"email\":\"" + email + "\",\"ordersCount\":1,\"phones\":[{\"number\":\"+7 900 123-45-67\"}],"
                + "\"createdAt\":\"2026-12-01 10:00:00\",\"address\":{\"city\":\"Казань\"}}}";
        assertEquals(202, run.post(run.base() + "/v1/leads/retailcrm-customers-to-mindbox", body,
                "Authorization", "Bearer " + CUSTOMERS_TOKEN).statusCode());
    }

    /** A new order in RetailCRM for the customer, as the shop's cart makes it (status given, promo code or none); its id. */
    private String createOrder(long customer, String status, String coupon) throws Exception {
        String order = "{\"status\":\"" + status + "\",\"orderMethod\":\"shopping-cart\",\"customer\":{\"id\":" + customer + "},"
                + "\"email\":\"olga@example.com\",\"phone\":\"+7 900 123-45-67\",\"totalSumm\":900,\"customFields\":{"
                + (coupon == null ? "" : "\"coupon\":\"" + coupon + "\"") + "},"
                + "\"items\":[{\"id\":1,\"status\":\"new\",\"initialPrice\":450,\"quantity\":2,\"offer\":{\"externalId\":\"TSH-42\"}}]}";
        return run.retailcrm("orders/create", "order", order).path("id").asText();
    }

    /** A manager moves the order to a status (an edit entry in the feed that carries only ids and the status). */
    private void setStatus(String orderId, String status) throws Exception {
        run.retailcrm("orders/" + orderId + "/edit", "order", "{\"status\":\"" + status + "\"}");
    }

    /** A RetailCRM customer (the one the orders belong to); its id. */
    private long retailcrmCustomer() throws Exception {
        return run.retailcrm("customers/create", "customer", "{\"firstName\":\"Ольга\",\"email\":\"olga@example.com\","
                + "\"phones\":[{\"number\":\"+7 900 123-45-67\"}]}").path("id").asLong();
    }

    private String mindbox() {
        return run.emulator("mindbox");
    }

    private static JsonNode transactionsOf(JsonNode state, String orderId) {
        com.fasterxml.jackson.databind.node.ArrayNode out = SandboxRun.JSON.createArrayNode();
        for (JsonNode t : state.path("records").path("transactions")) if (t.path("externalId").asText().startsWith(orderId + "-")) out.add(t);
        return out;
    }

    @Test
    void customerCreatedAndEdited_orderCalculatedThenCommittedOnce_throughAnOutage() throws Exception {
        // a customer created, then edited, in RetailCRM: one Mindbox customer with the new email
        long customer = retailcrmCustomer();
        customerChange(101, customer, "olga@example.com", true);
        run.await(mindbox() + "/__emulator/state", s -> find(s.path("records").path("customers"), "email", "olga@example.com") != null,
                "the customer in Mindbox");
        customerChange(102, customer, "olga.new@example.com", false);
        JsonNode customers = run.await(mindbox() + "/__emulator/state",
                s -> find(s.path("records").path("customers"), "email", "olga.new@example.com") != null, "the edit in Mindbox")
                .path("records").path("customers");
        assertEquals(1, customers.size(), customers.toString());
        assertEquals("Казань", customers.get(0).path("customFields").path("city").asText());

        // she has 300 bonus points in Mindbox
        run.post(mindbox() + "/__emulator/setup", "{\"customers\":[{\"ids\":{\"retailCRMId\":\"" + customer + "\"},\"bonus\":300}]}");

        // a new order with a promo code: calculated, the result in the RetailCRM order's fields
        String orderId = createOrder(customer, "new", "SPRING10");
        JsonNode crm = run.await(run.emulator("retailcrm") + "/__emulator/state", s -> {
            JsonNode o = find(s.path("records").path("orders"), "id", orderId);
            return o != null && o.path("customFields").has("mindbox_promo");
        }, "the calculation in the RetailCRM order");
        JsonNode fields = find(crm.path("records").path("orders"), "id", orderId).path("customFields");
        assertEquals(90, fields.path("mindbox_discount").asInt(), fields.toString());
        assertEquals("SPRING10", fields.path("mindbox_promo").asText());
        assertEquals(300, fields.path("mindbox_bonus").asInt());

        // confirmed: begun and committed once
        setStatus(orderId, "client-confirmed");
        JsonNode state = run.await(mindbox() + "/__emulator/state", s -> transactionsOf(s, orderId).size() == 1
                && "committed".equals(transactionsOf(s, orderId).get(0).path("state").asText()), "the commit");
        assertEquals(1, transactionsOf(state, orderId).get(0).path("commits").asInt());

        // Mindbox down, and one commit answer lost: the next order still ends committed exactly once
        int outage = Integer.getInteger("leadflow.soak", 1) > 1 ? 60 : 4;
        run.post(mindbox() + "/__emulator/faults", "{\"downForSeconds\":" + outage + ",\"status\":503}");
        run.post(mindbox() + "/__emulator/operation-faults", "{\"operation\":\"Website.CommitOrderTransaction\",\"drop\":1}");
        String second = createOrder(customer, "client-confirmed", null);
        JsonNode after = awaitLong(() -> {
            JsonNode s = run.get(mindbox() + "/__emulator/state");
            JsonNode tx = transactionsOf(s, second);
            // committed, and the in-doubt commit asked again (answered TransactionAlreadyProcessed): the lead is done
            return tx.size() == 1 && "committed".equals(tx.get(0).path("state").asText())
                    && s.path("requests").path("POST sync Website.CommitOrderTransaction").asInt() >= 3 ? s : null;
        }, Duration.ofSeconds(outage + 240));
        JsonNode tx = transactionsOf(after, second).get(0);
        assertEquals(1, tx.path("commits").asInt(), tx.toString());
        assertEquals(0, tx.path("rollbacks").asInt());
        assertEquals(2, after.path("records").path("commits").asInt(), "two orders, two commits in all");
    }

    interface Probe {
        JsonNode check() throws Exception;
    }

    private static JsonNode awaitLong(Probe probe, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            JsonNode n = probe.check();
            if (n != null) return n;
            Thread.sleep(250);
        }
        throw new AssertionError("not committed within " + within);
    }
}
