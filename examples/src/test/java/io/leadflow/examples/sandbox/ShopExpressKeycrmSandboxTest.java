package io.leadflow.examples.sandbox;

import static io.leadflow.examples.sandbox.SandboxRun.find;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 001 end to end in {@code serve examples/shopexpress-keycrm --sandbox}: a shop order goes to
 * KeyCRM (as an order, and as a funnel card), a manager changes its status in the KeyCRM
 * emulator, KeyCRM's trigger posts its webhook to the status flow's URL, and the Shop-Express
 * emulator's order gets the mapped status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopExpressKeycrmSandboxTest {
    private static final String ORDERS_TOKEN = "lf_test_orders_0123456789abcdef0123456789";
    private static final String CARDS_TOKEN = "lf_test_cards_0123456789abcdef01234567890";
    private static final String STATUS_TOKEN = "lf_test_status_0123456789abcdef012345678";
    private static final String CARD_STATUS_TOKEN = "lf_test_cardstatus_0123456789abcdef01234";
    private static final String ADMIN = "lf_test_admin_0123456789abcdef0123456789ab";
    private static final String HOROSHOP_TOKEN = "lf_test_horoshop_0123456789abcdef0123456";
    @TempDir
    static Path data;
    private SandboxRun run;

    @BeforeAll
    void start() throws Exception {
        run = SandboxRun.start(Path.of("shopexpress-keycrm"), data, Map.of(
                "source.shop-express-orders.token", ORDERS_TOKEN, "source.shop-express-cards.token", CARDS_TOKEN,
                "source.keycrm-order-status.token", STATUS_TOKEN, "source.keycrm-card-status.token", CARD_STATUS_TOKEN, "admin.token", ADMIN,
                "source.keycrm-order-status-to-horoshop.token", HOROSHOP_TOKEN));
    }

    @AfterAll
    void stop() {
        run.close();
    }

    private static String order(String number, String status) {
        return "{\"number\":\"" + number + "\",\"status\":\"" + status + "\",\"total\":\"900\","
                + "\"customer\":{\"name\":\"Олена Коваль\",\"phone\":\"050 123 45 67\",\"email\":\"o@example.com\"},"
                + "\"payment\":{\"method\":\"card\",\"paid\":false},\"delivery\":{\"method\":\"nova_poshta\",\"city\":\"Київ\"},"
                + "\"addons\":{\"gift_wrap\":true},\"utm\":{\"utm_source\":\"google\"},"
                + "\"items\":[{\"sku\":\"TSH-42\",\"name\":\"T-shirt\",\"price\":\"450\",\"qty\":2}]}";
    }

    private void seedShopOrder(String number) throws Exception {
        assertEquals(200, run.post(run.emulator("shopexpress") + "/__emulator/seed",
                "{\"orders\":[{\"number\":\"" + number + "\",\"status\":\"new\"}]}").statusCode());
    }

    /**
     * Waits until the shop order's lead is done. The KeyCRM record exists before its lead is done:
     * its status is set by a follow-up PUT, and a manager's move made before that PUT is undone by
     * it (and fires the trigger with the old status), so the test waits for the lead, not the record.
     */
    private void delivered(java.net.http.HttpResponse<String> accepted) throws Exception {
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode lead = run.finished(SandboxRun.JSON.readTree(accepted.body()).path("id").asText());
        assertEquals("done", lead.path("status").asText(), lead.toString());
    }

    private void trigger(String event, String flowSlug, String token) throws Exception {
        assertEquals(201, run.post(run.emulator("keycrm", flowSlug.contains("card") ? "cards" : "main") + "/__emulator/triggers", "{\"event\":\"" + event + "\",\"url\":\""
                + run.base() + "/v1/leads/" + flowSlug + "?token=" + token + "\",\"source_ids\":[3]}").statusCode());
    }

    private JsonNode shopOrderWithStatus(String number, String status) throws Exception {
        return run.await(run.emulator("shopexpress") + "/__emulator/state", s -> {
            JsonNode o = find(s.path("records").path("orders"), "number", number);
            return o != null && status.equals(o.path("status").asText());
        }, "shop order " + number + " reaching status " + status);
    }

    @Test
    void aKeycrmOrderStatusChange_changesTheShopOrdersStatus() throws Exception {
        seedShopOrder("SE-10452");
        delivered(run.post(run.base() + "/v1/leads/shop-express-orders", order("SE-10452", "new"), "Authorization", "Bearer " + ORDERS_TOKEN));
        JsonNode state = run.await(run.emulator("keycrm", "main") + "/__emulator/state",
                s -> find(s.path("records").path("orders"), "source_uuid", "SE-10452") != null, "the KeyCRM order");
        JsonNode order = find(state.path("records").path("orders"), "source_uuid", "SE-10452");
        assertEquals(3, order.path("source_id").asInt());
        assertEquals("google", order.path("marketing").path("utm_source").asText());
        assertEquals(2, order.path("payments").get(0).path("payment_method_id").asInt());

        trigger("order.change_order_status", "keycrm-order-status", STATUS_TOKEN);
        assertEquals(200, run.post(run.emulator("keycrm", "main") + "/__emulator/orders/" + order.path("id").asLong() + "/status",
                "{\"status_id\":4}").statusCode());
        JsonNode shop = shopOrderWithStatus("SE-10452", "shipped");
        assertEquals("[\"new\",\"shipped\"]", find(shop.path("records").path("orders"), "number", "SE-10452").path("status_history").toString());
    }

    @Test
    void aKeycrmCardStatusChange_changesTheShopOrdersStatus() throws Exception {
        seedShopOrder("SE-20001");
        delivered(run.post(run.base() + "/v1/leads/shop-express-cards", order("SE-20001", "new"), "X-Leadflow-Token", CARDS_TOKEN));
        JsonNode state = run.await(run.emulator("keycrm", "cards") + "/__emulator/state", s -> {
            for (JsonNode c : s.path("records").path("cards")) {
                if ("Замовлення SE-20001".equals(c.path("title").asText())) return true;
            }
            return false;
        }, "the KeyCRM card (mode=funnels from sandbox.properties)");
        JsonNode card = find(state.path("records").path("cards"), "title", "Замовлення SE-20001");
        assertEquals(11, card.path("status_id").asInt());

        trigger("lead.change_lead_status", "keycrm-card-status", CARD_STATUS_TOKEN);
        assertEquals(200, run.post(run.emulator("keycrm", "cards") + "/__emulator/cards/" + card.path("id").asLong() + "/status",
                "{\"status_id\":13}").statusCode());
        shopOrderWithStatus("SE-20001", "completed");
    }

    @Test
    void aWebhookWithoutTheToken_isRefusedAndChangesNothing() throws Exception {
        var r = run.post(run.base() + "/v1/leads/keycrm-order-status",
                "{\"event\":\"order.change_order_status\",\"context\":{\"id\":1,\"source_uuid\":\"SE-1\",\"status_id\":5}}");
        assertEquals(401, r.statusCode());
        assertEquals("token_missing", SandboxRun.JSON.readTree(r.body()).path("error").asText());
    }

    /** The two product_sync schedules of catalog.flow ran at start against the emulators (empty catalogs) and report their counts. */
    @Test
    void theCatalogSchedulesRan_andReportTheirCounts() throws Exception {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        JsonNode body = null;
        while (System.nanoTime() < end) {
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(run.base() + "/v1/schedules"))
                    .header("Authorization", "Bearer " + ADMIN).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            body = SandboxRun.JSON.readTree(r.body());
            if (find(body.path("schedules"), "name", "catalog daily").has("lastRun")
                    && find(body.path("schedules"), "name", "prices and stock").has("lastRun")) break;
            Thread.sleep(100);
        }
        JsonNode daily = find(body.path("schedules"), "name", "catalog daily");
        assertEquals("product_sync", daily.path("job").asText());
        assertEquals("{\"created\":0,\"updated\":0,\"hidden\":0,\"unchanged\":0,\"failed\":0,\"categories\":{\"created\":0,\"updated\":0,\"unchanged\":0,\"failed\":0}}",
                daily.path("lastRun").path("counts").toString(), body.toString());
        assertEquals(4 * 3600, find(body.path("schedules"), "name", "prices and stock").path("everySeconds").asInt());
    }

    /** Horoshop as the second shop target: a KeyCRM status change reaches the Horoshop order as its status id, read back. */
    @Test
    void aKeycrmOrderStatusChange_changesTheHoroshopOrdersStatus() throws Exception {
        assertEquals(200, run.post(run.emulator("horoshop") + "/__emulator/seed", "{\"orders\":[{\"order_id\":1207,\"stat_status\":1}]}").statusCode());
        delivered(run.post(run.base() + "/v1/leads/shop-express-orders", order("1207", "new"), "Authorization", "Bearer " + ORDERS_TOKEN));
        JsonNode state = run.await(run.emulator("keycrm", "main") + "/__emulator/state",
                s -> find(s.path("records").path("orders"), "source_uuid", "1207") != null, "the KeyCRM order of shop order 1207");
        JsonNode order = find(state.path("records").path("orders"), "source_uuid", "1207");
        trigger("order.change_order_status", "keycrm-order-status-to-horoshop", HOROSHOP_TOKEN);
        assertEquals(200, run.post(run.emulator("keycrm", "main") + "/__emulator/orders/" + order.path("id").asLong() + "/status",
                "{\"status_id\":5}").statusCode());
        run.await(run.emulator("horoshop") + "/__emulator/state", s -> {
            JsonNode o = find(s.path("records").path("orders"), "order_id", "1207");
            return o != null && o.path("stat_status").asInt() == 3;
        }, "Horoshop order 1207 reaching status 3 (Delivered)");
    }
}
