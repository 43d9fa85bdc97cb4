package io.leadflow.examples.sandbox;

import static io.leadflow.examples.sandbox.SandboxRun.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.runtime.exec.BreakerPolicy;
import io.leadflow.runtime.exec.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Seed 004 end to end in {@code serve examples/retailcrm-mindbox --sandbox} (issue 12): a customer
 * without orders is not sent («send customers without orders» off); her first order brings her to
 * Mindbox, imported once, before its calculation; later changes of her card reach that one customer
 * (edited, never imported again); an order moving through the
 * configured statuses is calculated (promo discount, code and bonus balance land in the RetailCRM
 * order's custom fields), then begun and committed once; with Mindbox down and one commit answer
 * lost, another order still ends committed exactly once (the emulator's commits are counted).
 * The outage lasts 60 s (the figure) in the default build: the class runs beside the rest
 * of the module ({@code @Execution(CONCURRENT)}, src/test/resources/junit-platform.properties), so
 * the minute of waiting overlaps the other classes' work instead of adding to the build.
 *
 * <p>Customers and orders are made and changed through the RetailCRM emulator's API
 * ({@code customers/create}, {@code customers/{id}/edit}, {@code orders/create},
 * {@code orders/{id}/edit}); both flows read RetailCRM's change feeds themselves
 * ({@code retailcrm.customers_history(whole_customer: true)},
 * {@code retailcrm.orders_history(whole_order: true)}). Nothing is posted to Leadflow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetailcrmMindboxSandboxTest {
    /**
     * The outage is Mindbox's real 60 s; the runtime's waiting is shortened: retries 0, 2 s, 5 s,
     * then every 10 s (±20 %), and the circuit breaker opens for 5 s, doubling to at most 10 s, so
     * the lead meets the end of the outage within seconds. With the production schedule (0, 5 s,
     * 30 s, 2 min, 10 min, …; breaker 10 s doubling to 5 min) the lost commit is only reconciled at
     * the 10-minute retry: in one run the fourth retry (2 min 22 s after the order) met the lost
     * commit answer and the reconcile was scheduled 9 minutes later (not waited out).
     */
    static final RetryPolicy RETRY = new RetryPolicy(List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(5)),
            Duration.ofSeconds(10), 0.2, Duration.ofHours(1));
    static final BreakerPolicy BREAKER = new BreakerPolicy(5, Duration.ofSeconds(5), Duration.ofSeconds(10));

    @TempDir
    static Path data;
    private SandboxRun run;

    @BeforeAll
    void start() throws Exception {
        run = SandboxRun.start(Path.of("retailcrm-mindbox"), data, Map.of(), RETRY, BREAKER);
    }

    @AfterAll
    void stop() {
        run.close();
    }

    /** A new order in RetailCRM for the customer, as the shop's cart makes it (status given, promo code or none); its id. */
    private String createOrder(long customer, String status, String coupon) throws Exception {
        return createOrder(customer, status, coupon, "shopping-cart");
    }

    private String createOrder(long customer, String status, String coupon, String method) throws Exception {
        String order = "{\"status\":\"" + status + "\",\"orderMethod\":\"" + method + "\",\"customer\":{\"id\":" + customer + "},"
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
                + "\"phones\":[{\"number\":\"+7 900 123-45-67\"}],\"address\":{\"city\":\"Казань\"}}").path("id").asLong();
    }

    /** A manager edits the customer's card (an edit entry in the customers feed per changed field, carrying only her ids). */
    private void editCustomer(long customer, String json) throws Exception {
        run.retailcrm("customers/" + customer + "/edit", "customer", json);
    }

    private String mindbox() {
        return run.emulator("mindbox");
    }

    private static JsonNode transactionsOf(JsonNode state, String orderId) {
        com.fasterxml.jackson.databind.node.ArrayNode out = SandboxRun.JSON.createArrayNode();
        for (JsonNode t : state.path("records").path("transactions")) if (t.path("externalId").asText().startsWith(orderId + "-")) out.add(t);
        return out;
    }

    /** The leads of a flow as the registry lists them (admin token). */
    private JsonNode leadsOf(String flow) throws Exception {
        return run.registry("flow=" + java.net.URLEncoder.encode(flow, java.nio.charset.StandardCharsets.UTF_8)).path("leads");
    }

    @Test
    @Order(1) // it counts every commit, import and edit the emulator saw
    @Execution(ExecutionMode.SAME_THREAD) // the class runs beside the others; its methods one after another
    void customerCreatedAndEdited_orderCalculatedThenCommittedOnce_throughAnOutage() throws Exception {
        // a customer without orders, created and edited: «send customers without orders» is off, so
        // both feed entries are dropped and Mindbox has no customer
        long customer = retailcrmCustomer();
        editCustomer(customer, "{\"email\":\"olga.new@example.com\"}");
        awaitLong(() -> {
            int dropped = 0;
            for (JsonNode l : leadsOf("retailcrm customers to mindbox")) {
                if ("dropped".equals(l.path("status").asText()) && l.path("reason").asText().contains("without orders")) dropped++;
            }
            return dropped == 2 ? SandboxRun.JSON.nullNode() : null;
        }, Duration.ofSeconds(20), "both entries of the customer without orders dropped");
        assertEquals(0, run.records(mindbox()).path("customers").size(), "a customer without orders is not sent");

        // her first order (with a promo code): before its calculation she is imported into Mindbox, once;
        // the calculation lands in the RetailCRM order's fields
        String orderId = createOrder(customer, "new", "SPRING10");
        JsonNode crm = run.await(run.emulator("retailcrm") + "/__emulator/state", s -> {
            JsonNode o = find(s.path("records").path("orders"), "id", orderId);
            return o != null && o.path("customFields").has("mindbox_promo");
        }, "the calculation in the RetailCRM order");
        JsonNode fields = find(crm.path("records").path("orders"), "id", orderId).path("customFields");
        assertEquals(90, fields.path("mindbox_discount").asInt(), fields.toString());
        assertEquals("SPRING10", fields.path("mindbox_promo").asText());
        assertEquals(0, fields.path("mindbox_bonus").asInt(), "no points yet");
        JsonNode imported = run.records(mindbox()).path("customers");
        assertEquals(1, imported.size(), imported.toString());
        assertEquals(String.valueOf(customer), imported.get(0).path("ids").path("retailCRMId").asText(), imported.toString());

        // now that she has an order, every change of her card reaches Mindbox: the same customer, edited
        editCustomer(customer, "{\"email\":\"olga.k@example.com\"}");
        JsonNode first = run.await(mindbox() + "/__emulator/state",
                s -> find(s.path("records").path("customers"), "email", "olga.k@example.com") != null, "the customer's edit in Mindbox")
                .path("records").path("customers");
        assertEquals(1, first.size(), first.toString());
        assertEquals("Казань", first.get(0).path("customFields").path("city").asText(), first.toString());
        editCustomer(customer, "{\"lastName\":\"Петрова\"}");
        JsonNode customers = run.await(mindbox() + "/__emulator/state",
                s -> find(s.path("records").path("customers"), "lastName", "Петрова") != null, "the second edit in Mindbox")
                .path("records").path("customers");
        assertEquals(1, customers.size(), "edited, not imported again: " + customers);
        assertEquals("olga.k@example.com", customers.get(0).path("email").asText());

        // she gets 300 bonus points in Mindbox; the order's next calculate status shows them in its field
        run.post(mindbox() + "/__emulator/setup", "{\"customers\":[{\"ids\":{\"retailCRMId\":\"" + customer + "\"},\"bonus\":300}]}");
        setStatus(orderId, "availability-confirmed");
        run.await(run.emulator("retailcrm") + "/__emulator/state",
                s -> find(s.path("records").path("orders"), "id", orderId).path("customFields").path("mindbox_bonus").asInt() == 300,
                "the available points in the RetailCRM order");

        // confirmed: begun and committed once
        setStatus(orderId, "client-confirmed");
        JsonNode state = run.await(mindbox() + "/__emulator/state", s -> transactionsOf(s, orderId).size() == 1
                && "committed".equals(transactionsOf(s, orderId).get(0).path("state").asText()), "the commit");
        assertEquals(1, transactionsOf(state, orderId).get(0).path("commits").asInt());

        // Mindbox down, and one commit answer lost: the next order still ends committed exactly once
        int outage = 60;
        int callsBefore = calls(run.get(mindbox() + "/__emulator/state"));
        long downAt = System.nanoTime();
        run.post(mindbox() + "/__emulator/faults", "{\"downForSeconds\":" + outage + ",\"status\":503}");
        run.post(mindbox() + "/__emulator/operation-faults", "{\"operation\":\"Website.CommitOrderTransaction\",\"drop\":1}");
        String second = createOrder(customer, "client-confirmed", null);
        int[] callsWhileDown = {0};
        JsonNode after = awaitLong(() -> {
            JsonNode s = run.get(mindbox() + "/__emulator/state");
            if (s.path("faults").path("downForSeconds").asLong() > 0) callsWhileDown[0] = calls(s) - callsBefore;
            JsonNode tx = transactionsOf(s, second);
            // committed, and the in-doubt commit asked again (answered TransactionAlreadyProcessed): the lead is done
            return tx.size() == 1 && "committed".equals(tx.get(0).path("state").asText())
                    && s.path("requests").path("POST sync Website.CommitOrderTransaction").asInt() >= 3 ? s : null;
        }, Duration.ofSeconds(outage + 240), "the second order committed", () -> "orders flow leads: "
                + leadsOf("retailcrm orders to mindbox") + "\nMindbox: " + run.get(mindbox() + "/__emulator/state"));
        assertTrue(System.nanoTime() - downAt >= Duration.ofSeconds(outage).toNanos(), "committed only once Mindbox was back");
        assertTrue(callsWhileDown[0] > 0, "Leadflow's calls met the outage (answered 503)");
        JsonNode tx = transactionsOf(after, second).get(0);
        assertEquals(1, tx.path("commits").asInt(), tx.toString());
        assertEquals(0, tx.path("rollbacks").asInt());
        assertEquals(2, after.path("records").path("commits").asInt(), "two orders, two commits in all");
        assertEquals(1, after.path("records").path("customers").size(), after.path("records").path("customers").toString());
        assertEquals(1, after.path("requests").path("POST sync Website.RegisterCustomer").asInt(), "imported once, by her first order");
        assertEquals(2, after.path("requests").path("POST sync Website.EditCustomer").asInt(), "her two card changes; orders edit no customer");
    }

    /**
     * Seed 004 «Код / Название свойства товара с ценой продажи Mindbox» and «Товары-услуги»: at the
     * calculation, Mindbox's sale price of each item lands in the RetailCRM item property
     * {@code mindbox_price} ("Цена Mindbox") beside the item's own properties, the item's price
     * unchanged; the service item (INSURANCE) gets no price back, and Mindbox has it as its price in
     * units (quantity 150 at 1), as the committed order shows.
     */
    @Test
    @Order(2)
    @Execution(ExecutionMode.SAME_THREAD)
    void salePriceProperty_andServiceItem() throws Exception {
        run.post(mindbox() + "/__emulator/setup", "{\"products\":{\"CAP-7\":380}}");
        long customer = run.retailcrm("customers/create", "customer", "{\"firstName\":\"Анна\",\"email\":\"anna@example.com\"}").path("id").asLong();
        String order = "{\"status\":\"new\",\"orderMethod\":\"phone\",\"customer\":{\"id\":" + customer + "},\"email\":\"anna@example.com\","
                + "\"items\":[{\"id\":1,\"status\":\"new\",\"initialPrice\":400,\"quantity\":1,\"offer\":{\"externalId\":\"CAP-7\"},"
                + "\"properties\":[{\"code\":\"size\",\"name\":\"Размер\",\"value\":\"L\"}]},"
                + "{\"id\":2,\"status\":\"new\",\"initialPrice\":150,\"quantity\":1,\"offer\":{\"externalId\":\"INSURANCE\"}}]}";
        String orderId = run.retailcrm("orders/create", "order", order).path("id").asText();
        JsonNode crm = run.await(run.emulator("retailcrm") + "/__emulator/state", s -> {
            JsonNode o = find(s.path("records").path("orders"), "id", orderId);
            return o != null && o.path("items").path(0).path("properties").size() == 2;
        }, "the sale price in the RetailCRM item");
        JsonNode items = find(crm.path("records").path("orders"), "id", orderId).path("items");
        assertEquals(2, items.size(), items.toString());
        assertEquals("size", items.get(0).path("properties").get(0).path("code").asText(), items.toString());
        JsonNode price = items.get(0).path("properties").get(1);
        assertEquals("mindbox_price", price.path("code").asText(), items.toString());
        assertEquals("Цена Mindbox", price.path("name").asText());
        assertEquals("380", price.path("value").asText());
        assertEquals(400, items.get(0).path("initialPrice").asInt(), "the item's price is not changed");
        assertTrue(items.get(1).path("properties").isMissingNode(), "no price back for a service: " + items.get(1));
        assertEquals(150, items.get(1).path("initialPrice").asInt());

        // Mindbox's price is set back to the shop's, and the order confirmed: committed with the service in units
        run.post(mindbox() + "/__emulator/setup", "{\"products\":{\"CAP-7\":400}}");
        setStatus(orderId, "client-confirmed");
        JsonNode saved = run.await(mindbox() + "/__emulator/state", s -> committedOrder(s, orderId) != null, "the commit");
        JsonNode lines = committedOrder(saved, orderId).path("lines");
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(150, lines.get(1).path("quantity").asInt(), lines.toString());
        assertEquals(1, lines.get(1).path("basePricePerItem").asInt(), lines.toString());
        assertEquals(1, lines.get(0).path("quantity").asInt(), lines.toString());
    }

    /** The order Mindbox saved for a RetailCRM order id, or null. */
    private static JsonNode committedOrder(JsonNode state, String orderId) {
        for (JsonNode o : state.path("records").path("orders")) if (orderId.equals(o.path("ids").path("retailCRMId").asText())) return o;
        return null;
    }

    /** Every call the Mindbox emulator received so far, answered or refused. */
    private static int calls(JsonNode state) {
        int n = 0;
        for (JsonNode c : state.path("requests")) n += c.asInt();
        return n;
    }

    interface Probe {
        JsonNode check() throws Exception;
    }

    interface Context {
        String describe() throws Exception;
    }

    private static JsonNode awaitLong(Probe probe, Duration within, String what) throws Exception {
        return awaitLong(probe, within, what, () -> "");
    }

    private static JsonNode awaitLong(Probe probe, Duration within, String what, Context context) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            JsonNode n = probe.check();
            if (n != null) return n;
            Thread.sleep(250);
        }
        throw new AssertionError(what + ": not within " + within + "\n" + context.describe());
    }
}
