package io.leadflow.connector.baselinker;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.IdempotencyToken;
import io.leadflow.connector.baselinker.emulator.BaselinkerEmulator;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.leadflow.connector.emulator.ReceivedRequest;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What exactly goes over the wire to Baselinker, as its emulator received it. */
class BaselinkerEncodingTest extends EmulatorTestBase<BaselinkerEmulator> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private BaselinkerConnector connector;

    @Override
    protected Future<BaselinkerEmulator> startEmulator(Vertx vertx) {
        return new BaselinkerFactory().startEmulator(vertx, 0);
    }

    /** A fresh connector per test, so its SKU cache starts empty. */
    @BeforeEach
    void newConnector() {
        connector = new BaselinkerConnector(vertx, emulator.account("main"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeConnector() {
        Await.result(connector.close());
    }

    private EffectResult create(ObjectNode fields, String key) {
        return Await.result(connector.apply(new CreateDeal(null, fields, null, false), new EffectContext(key, "lead", Map.of(), null)));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void addOrder_isAFormPostWithMethodJsonParametersAndTokenHeader() throws Exception {
        ObjectNode fields = (ObjectNode) JSON.readTree("""
                {"order_status_id": "8011", "custom_source_id": 12, "currency": "PLN", "payment_method": "Przelew",
                 "payment_method_cod": "0", "paid": false, "user_comments": "call first", "admin_comments": "from flow",
                 "email": "j@example.com", "phone": "+48500100200", "user_login": "jan",
                 "delivery_method": "Courier", "delivery_price": "12.5", "delivery_fullname": "Jan Kowalski",
                 "delivery_company": "ACME", "delivery_address": "Polna 1", "delivery_postcode": "90-001",
                 "delivery_city": "Łódź", "delivery_state": "LD", "delivery_country_code": "PL",
                 "delivery_point_id": "P1", "delivery_point_name": "Point", "delivery_point_address": "Krótka 2",
                 "delivery_point_postcode": "90-002", "delivery_point_city": "Łódź",
                 "invoice_fullname": "Jan Kowalski", "invoice_company": "ACME", "invoice_nip": "123",
                 "invoice_address": "Polna 1", "invoice_postcode": "90-001", "invoice_city": "Łódź",
                 "invoice_state": "LD", "invoice_country_code": "PL", "want_invoice": "yes",
                 "extra_field_1": "utm=google", "deal_cf_4117": "google", "deal_cf_4118": 42,
                 "products": [{"sku": "MUG-1", "name": "Mug", "price_brutto": "39.9", "tax_rate": 23, "quantity": "2"}]}
                """);
        EffectResult r = create(fields, "lead-7/0");
        ReceivedRequest req = emulator.lastReceived("addOrder");
        assertEquals("POST", req.method());
        assertEquals("/connector.php", req.uri());
        assertEquals("application/x-www-form-urlencoded", req.contentType());
        assertEquals(BaselinkerEmulator.TOKEN, req.headers().get("X-BLToken"));
        Map<String, String> form = form(req.body());
        assertEquals(List.of("method", "parameters"), List.copyOf(form.keySet()));
        assertEquals("addOrder", form.get("method"));
        JsonObject expected = new JsonObject("""
                {"order_status_id": 8011, "custom_source_id": 12, "currency": "PLN", "payment_method": "Przelew",
                 "payment_method_cod": false, "paid": false, "user_comments": "call first", "admin_comments": "from flow",
                 "email": "j@example.com", "phone": "+48500100200", "user_login": "jan",
                 "delivery_method": "Courier", "delivery_price": 12.5, "delivery_fullname": "Jan Kowalski",
                 "delivery_company": "ACME", "delivery_address": "Polna 1", "delivery_postcode": "90-001",
                 "delivery_city": "Łódź", "delivery_state": "LD", "delivery_country_code": "PL",
                 "delivery_point_id": "P1", "delivery_point_name": "Point", "delivery_point_address": "Krótka 2",
                 "delivery_point_postcode": "90-002", "delivery_point_city": "Łódź",
                 "invoice_fullname": "Jan Kowalski", "invoice_company": "ACME", "invoice_nip": "123",
                 "invoice_address": "Polna 1", "invoice_postcode": "90-001", "invoice_city": "Łódź",
                 "invoice_state": "LD", "invoice_country_code": "PL", "want_invoice": true,
                 "extra_field_1": "utm=google",
                 "products": [{"storage": "db", "storage_id": 0, "sku": "MUG-1", "name": "Mug", "price_brutto": 39.9,
                               "tax_rate": 23, "quantity": 2, "product_id": "5521"}],
                 "custom_extra_fields": {"4117": "google", "4118": 42}}
                """).put("date_add", NOW.getEpochSecond()).put("extra_field_2", IdempotencyToken.of("lead-7/0"));
        assertEquals(expected, new JsonObject(form.get("parameters")));
        assertEquals(2, r.httpCalls(), "one SKU lookup and the order");
    }

    @Test
    void productsAreLinkedByExactSku_andTheLookupIsCached() throws Exception {
        ObjectNode fields = (ObjectNode) JSON.readTree("""
                {"currency": "UAH", "products": [{"sku": "MUG-1", "name": "Mug", "quantity": 1},
                                                 {"sku": "NOPE-9", "name": "Unknown", "quantity": 1}]}""");
        create(fields, "a/0");
        long lookups = emulator.counters().get("getInventoryProductsList");
        EffectResult second = create(fields.deepCopy(), "b/0");
        assertEquals(1, second.httpCalls(), "SKUs already known");
        assertEquals(lookups, emulator.counters().get("getInventoryProductsList"));
        JsonObject params = new JsonObject(form(emulator.lastReceived("addOrder").body()).get("parameters"));
        assertEquals("5521", params.getJsonArray("products").getJsonObject(0).getString("product_id"), "not MUG-10");
        assertNull(params.getJsonArray("products").getJsonObject(1).getValue("product_id"), "unknown SKU sent as a free line");
    }

    @Test
    void flowMappingExtraField2_movesTheKeyToAdminComments() {
        ObjectNode fields = JSON.createObjectNode().put("currency", "UAH").put("extra_field_2", "mine").put("admin_comments", "x".repeat(200));
        create(fields, "c/0");
        JsonObject params = new JsonObject(form(emulator.lastReceived("addOrder").body()).get("parameters"));
        assertEquals("mine", params.getString("extra_field_2"));
        assertEquals(200, params.getString("admin_comments").length());
        assertTrue(params.getString("admin_comments").endsWith(" " + IdempotencyToken.of("c/0")));
        CreateDeal deal = new CreateDeal(null, fields, null, false);
        assertTrue(Await.result(connector.reconcile(deal, new EffectContext("c/0", "lead", Map.of(), null))).isPresent());
    }

    @Test
    void unknownField_isRefusedBeforeAnyCall() {
        ObjectNode fields = JSON.createObjectNode().put("colour", "red");
        PermanentException e = Await.failure(connector.apply(new CreateDeal(null, fields, null, false),
                new EffectContext("d/0", "lead", Map.of(), null)), PermanentException.class);
        assertEquals("colour", e.field());
        assertEquals(0, emulator.counters().total());
    }

    @Test
    void findAndTasks_areRefusedWithAReason() {
        PermanentException find = Await.failure(connector.find(new LookupRequest(List.of(), false, null)), PermanentException.class);
        assertEquals("Baselinker cannot look records up (not among its declared capabilities [EFFECTS])", find.getMessage());
        PermanentException task = Await.failure(connector.apply(new CreateTask(null, null, null, JSON.createObjectNode()),
                new EffectContext("e/0", "lead", Map.of(), null)), PermanentException.class);
        assertTrue(task.getMessage().contains("create task"));
        assertEquals(0, emulator.counters().total());
    }
}
