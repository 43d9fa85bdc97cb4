package io.leadflow.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 003 end to end in {@code serve examples/site-form-baselinker --sandbox}: the site's
 * checkout form posted as JSON (the example's {@code lead.json}, the shape its flow reads) to the
 * flow's intake, and the emulated Baselinker account's order read back: every {@code addOrder}
 * field the seed page lists, the extra fields by id, products linked to the inventory by exact
 * SKU, and a checkout the site sends twice (same checkout id, no Idempotency-Key) is one order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteFormBaselinkerSandboxTest {
    private static final String TOKEN = "lf_test_checkout_0123456789abcdef012345678";
    @TempDir
    static Path data;
    private SandboxRun run;
    private String crm;

    @BeforeAll
    void start() throws Exception {
        run = SandboxRun.start(Path.of("site-form-baselinker"), data, Map.of("source.site-checkout.token", TOKEN));
        crm = run.emulator("baselinker", "main");
    }

    @AfterAll
    void stop() {
        run.close();
    }

    /** The example's sample checkout with its id replaced. */
    private static String checkout(String id) throws Exception {
        String sample = Files.readString(Path.of("site-form-baselinker", "lead.json"));
        assertTrue(sample.contains("\"CHK-20250301-17\""), "lead.json holds its checkout id");
        return sample.replace("\"CHK-20250301-17\"", "\"" + id + "\"");
    }

    /** The emulated account's orders with this e-mail. */
    private List<JsonNode> ordersWithEmail(String email) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode o : run.records(crm).path("orders")) if (email.equals(o.path("email").asText())) out.add(o);
        return out;
    }

    @Test
    void aCheckout_becomesOneBaselinkerOrder_withEveryFieldOfTheSeed_andProductsLinkedBySku() throws Exception {
        JsonNode lead = run.finished(run.lead("site-checkout", TOKEN, checkout("CHK-E2E-1")));
        assertEquals("done", lead.path("status").asText(), lead.toPrettyString());
        List<JsonNode> orders = ordersWithEmail("anna.kowalska@example.pl");
        assertEquals(1, orders.size(), run.records(crm).toString());
        JsonNode o = orders.get(0);
        // The seed's list of addOrder parameters, in its order.
        assertEquals(8011, o.path("order_status_id").asInt(), o.toString());
        assertEquals(1024, o.path("custom_source_id").asInt(), "utm_source Instagram → source 1024: " + o);
        assertEquals("PLN", o.path("currency").asText());
        assertEquals("Cash on delivery", o.path("payment_method").asText());
        assertTrue(o.path("payment_method_cod").asBoolean(), o.toString());
        assertFalse(o.path("paid").asBoolean(), o.toString());
        assertEquals("Proszę dzwonić po 17:00", o.path("user_comments").asText());
        assertEquals("UTM: Instagram/cpc/spring_sale", o.path("admin_comments").asText());
        assertEquals("anna.kowalska@example.pl", o.path("email").asText());
        assertEquals("48601234567", o.path("phone").asText());
        assertEquals("InPost Paczkomat", o.path("delivery_method").asText());
        assertEquals(12.99, o.path("delivery_price").asDouble(), o.toString());
        assertEquals("Anna Kowalska (+48 601 234 567)", o.path("delivery_fullname").asText());
        assertEquals("Kowalska Design", o.path("delivery_company").asText(), o.toString());
        assertEquals("ul. Długa 5/3", o.path("delivery_address").asText());
        assertEquals("00-238", o.path("delivery_postcode").asText());
        assertEquals("Warszawa", o.path("delivery_city").asText());
        assertEquals("mazowieckie", o.path("delivery_state").asText(), o.toString());
        assertEquals("PL", o.path("delivery_country_code").asText());
        assertEquals("Anna Kowalska", o.path("invoice_fullname").asText(), o.toString());
        assertEquals("Kowalska Design", o.path("invoice_company").asText(), o.toString());
        assertEquals("5252248481", o.path("invoice_nip").asText(), o.toString());
        assertEquals("ul. Prosta 20", o.path("invoice_address").asText(), o.toString());
        assertEquals("00-850", o.path("invoice_postcode").asText(), o.toString());
        assertEquals("Warszawa", o.path("invoice_city").asText(), o.toString());
        assertEquals("mazowieckie", o.path("invoice_state").asText(), o.toString());
        assertEquals("PL", o.path("invoice_country_code").asText(), o.toString());
        assertTrue(o.path("want_invoice").asBoolean(), o.toString());
        assertEquals("01.03.2025 10:41", o.path("extra_field_1").asText());
        assertTrue(o.path("extra_field_2").asText().startsWith("lf:"), "extra_field_2 holds Leadflow's idempotency token: " + o);
        assertEquals(1740822060, o.path("date_add").asLong());
        // deal_cf_<id> → custom_extra_fields by the account's extra field ids.
        assertEquals("Instagram", o.path("custom_extra_fields").path("4117").asText(), o.toString());
        assertEquals("spring_sale", o.path("custom_extra_fields").path("4118").asText(), o.toString());
        // Products: the inventory's product ids found by exact SKU (MUG-1 is 5521, not MUG-10's 5523).
        JsonNode products = o.path("products");
        assertEquals(2, products.size(), o.toString());
        assertEquals("MUG-1", products.get(0).path("sku").asText());
        assertEquals("5521", products.get(0).path("product_id").asText(), o.toString());
        assertEquals("Kubek ceramiczny 330 ml", products.get(0).path("name").asText());
        assertEquals(39.9, products.get(0).path("price_brutto").asDouble());
        assertEquals(2, products.get(0).path("quantity").asInt());
        assertEquals(23, products.get(0).path("tax_rate").asInt());
        assertEquals("db", products.get(0).path("storage").asText());
        assertEquals("TSH-42", products.get(1).path("sku").asText());
        assertEquals("5522", products.get(1).path("product_id").asText(), o.toString());
        assertEquals(1, products.get(1).path("quantity").asInt());
    }

    @Test
    void aCheckoutSentTwice_isOneOrder_andTheSecondIsItsDuplicate() throws Exception {
        String body = checkout("CHK-E2E-2").replace("Anna.Kowalska@Example.PL", "twice@example.pl");
        String first = run.lead("site-checkout", TOKEN, body);
        HttpResponse<String> again = run.post(run.base() + "/v1/leads/site-checkout", body, "Authorization", "Bearer " + TOKEN);
        assertEquals(200, again.statusCode(), "the same checkout id again is a duplicate: " + again.body());
        JsonNode answer = SandboxRun.JSON.readTree(again.body());
        assertTrue(answer.path("duplicate").asBoolean(), again.body());
        assertEquals(first, answer.path("id").asText());
        assertEquals("done", run.finished(first).path("status").asText());
        assertEquals(1, ordersWithEmail("twice@example.pl").size(), run.records(crm).toString());

        // Another checkout by the same buyer is a new order: Baselinker always creates one (seed 003).
        assertEquals("done", run.finished(run.lead("site-checkout", TOKEN, body.replace("CHK-E2E-2", "CHK-E2E-3"))).path("status").asText());
        assertEquals(2, ordersWithEmail("twice@example.pl").size(), run.records(crm).toString());
    }

    @Test
    void aProductWhoseSkuIsNotInTheInventory_isSentUnlinked() throws Exception {
        String body = checkout("CHK-E2E-4").replace("Anna.Kowalska@Example.PL", "unlinked@example.pl").replace("\"TSH-42\"", "\"NOPE-1\"");
        assertEquals("done", run.finished(run.lead("site-checkout", TOKEN, body)).path("status").asText());
        JsonNode o = ordersWithEmail("unlinked@example.pl").get(0);
        assertEquals("NOPE-1", o.path("products").get(1).path("sku").asText());
        assertNull(o.path("products").get(1).get("product_id"), "no inventory product has that SKU: " + o);
        assertEquals("5521", o.path("products").get(0).path("product_id").asText());
    }

    @Test
    void aTestOrderAndAnEmptyCart_areDropped_andMakeNoOrder() throws Exception {
        int before = run.records(crm).path("orders").size();
        String test = checkout("CHK-E2E-5").replace("\"payment\": \"cod\"", "\"payment\": \"cod\", \"test\": true");
        JsonNode dropped = run.finished(run.lead("site-checkout", TOKEN, test));
        assertEquals("dropped", dropped.path("status").asText(), dropped.toString());
        assertTrue(dropped.toString().contains("test order from the site"), dropped.toString());
        JsonNode empty = run.finished(run.lead("site-checkout", TOKEN,
                "{\"id\": \"CHK-E2E-6\", \"email\": \"e@example.pl\", \"items\": []}"));
        assertEquals("dropped", empty.path("status").asText(), empty.toString());
        assertTrue(empty.toString().contains("empty cart"), empty.toString());
        assertEquals(before, run.records(crm).path("orders").size(), run.records(crm).toString());
    }
}
