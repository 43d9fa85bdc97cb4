package io.leadflow.connector.retailcrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.IdempotencyToken;
import io.leadflow.connector.contract.Await;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.error.RetryableException;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the RetailCRM connector puts on the wire, as the emulator received it. */
class RetailcrmRequestsTest extends RetailcrmTestBed {

    @Test
    void findByPhone_searchesNameWithTheWholeNumber_asRetailcrmsModulesDo_thenItsNationalForm() {
        Await.result(connector().find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE)), false, null)));
        List<JsonObject> gets = requests("GET", "/api/v5/customers");
        assertEquals(List.of("+380671234567", "0671234567"), gets.stream().map(g -> g.getJsonObject("query").getString("filter[name]")).toList(),
                "nobody found: the international form, then the national one");
        JsonObject r = gets.get(0);
        assertTrue(r.getBoolean("apiKeyHeader"));
        assertEquals("valid", r.getString("apiKey"));
        assertEquals("100", r.getJsonObject("query").getString("limit"));
        assertTrue(r.getString("uri").contains("filter%5Bname%5D=%2B380671234567"), "brackets encoded as http_build_query does: " + r.getString("uri"));
        emulator.data().putCustomer(new JsonObject().put("firstName", "Olena").put("phones",
                new io.vertx.core.json.JsonArray().add(new JsonObject().put("number", "+38 (067) 123-45-67"))));
        emulator.counters().reset();
        Await.result(connector().find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE)), false, null)));
        assertEquals(1, emulator.counters().total(), "found by the first search: no second one");
    }

    @Test
    void createDeal_postsFormWithSiteAndTheOrderAsJson() {
        String customer = emulator.data().putCustomer(new JsonObject().put("firstName", "Olena")).getLong("id").toString();
        CreateDeal deal = new CreateDeal(new RecordRef.Created(0), fields().put("firstName", "Olena").put("phone", PHONE)
                .put("orderMethod", "phone").put("utm_source", "calltouch").put("utm_term", "sofa").put("deal_cf_ct_site_id", "5521")
                .put("managerId", "101").set("products", new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode()
                        .add(fields().put("sku", "TSH-42").put("productName", "T-shirt").put("quantity", 2).put("initialPrice", 450))),
                null, false);
        EffectResult r = Await.result(connector().apply(deal, ctx("k1", null, Map.of(0, customer))));
        JsonObject post = requests("POST", "/api/v5/orders/create").get(0);
        assertEquals("application/x-www-form-urlencoded", post.getString("contentType"));
        Map<String, String> form = form(post);
        assertEquals("shop1", form.get("site"));
        JsonObject order = new JsonObject(form.get("order"));
        assertEquals(IdempotencyToken.of("k1"), order.getString("externalId"));
        assertEquals(new JsonObject().put("id", Long.parseLong(customer)), order.getJsonObject("customer"));
        assertEquals(new JsonObject().put("source", "calltouch").put("keyword", "sofa"), order.getJsonObject("source"));
        assertEquals(new JsonObject().put("ct_site_id", "5521"), order.getJsonObject("customFields"));
        assertEquals(101, order.getInteger("managerId"), "text from a table is sent as a number");
        assertEquals(new JsonObject().put("offer", new JsonObject().put("article", "TSH-42")).put("productName", "T-shirt")
                .put("quantity", 2).put("initialPrice", 450), order.getJsonArray("items").getJsonObject(0));
        assertEquals(2, r.httpCalls(), "custom field codes checked once, then the create");
    }

    @Test
    void updateDeal_postsEditById_withSite() {
        String id = emulator.data().putOrder(new JsonObject().put("site", "shop1").put("status", "new")).getLong("id").toString();
        Await.result(connector().apply(new UpdateDeal(id, fields().put("status", "complete"), false), ctx("k1", null, Map.of())));
        Map<String, String> form = form(requests("POST", "/api/v5/orders/" + id + "/edit").get(0));
        assertEquals("id", form.get("by"));
        assertEquals("shop1", form.get("site"));
        assertEquals(new JsonObject().put("status", "complete"), new JsonObject(form.get("order")));
    }

    @Test
    void accountWithoutSite_onAMultiStoreAccount_isPermanentNamingSite() {
        PermanentException e = Await.failure(connector(mapOf("site", null)).apply(new CreateDeal(null,
                fields().put("firstName", "Olena"), null, false), ctx("k1", null, Map.of())), PermanentException.class);
        assertEquals("site", e.field());
        assertEquals("Parameter 'site' is missing", e.crmMessage());
        assertEquals(400, e.status());
    }

    @Test
    void unknownCustomFieldCode_isRefusedBeforeTheWrite() {
        PermanentException e = Await.failure(connector().apply(new CreateDeal(null,
                fields().put("firstName", "Olena").put("deal_cf_no_such_code", "x"), null, false), ctx("k1", null, Map.of())),
                PermanentException.class);
        assertEquals("deal_cf_no_such_code", e.field());
        assertEquals(0, emulator.counters().get("POST /api/v5/orders/create"));
    }

    @Test
    void overLimit503WithoutRetryAfter_isRetryable_withAOneSecondWait() {
        emulator.faults().apply(new JsonObject().put("overLimitNext", 1));
        RetryableException e = Await.failure(connector().find(new LookupRequest(
                List.of(new LookupKey(LookupKey.Kind.EMAIL, "o@example.com")), false, null)), RetryableException.class);
        assertEquals(503, e.status());
        assertEquals(Duration.ofSeconds(1), e.retryAfter());
    }

    @Test
    void createTask_linksOrderAndCustomer_andFormatsItsTime() {
        String customer = emulator.data().putCustomer(new JsonObject().put("firstName", "Olena")).getLong("id").toString();
        String order = emulator.data().putOrder(new JsonObject().put("site", "shop1").put("status", "new")
                .put("customer", new JsonObject().put("id", Long.parseLong(customer)))).getLong("id").toString();
        CreateTask task = new CreateTask(new RecordRef.Existing(order), new RecordRef.Existing(customer), "102",
                fields().put("text", "Call back").put("datetime", "2026-11-24T09:30:00+02:00"));
        Await.result(connector().apply(task, ctx("k1", null, Map.of())));
        JsonObject sent = new JsonObject(form(requests("POST", "/api/v5/tasks/create").get(0)).get("task"));
        assertEquals("2026-11-24 09:30", sent.getString("datetime"));
        assertEquals(102, sent.getInteger("performerId"));
        assertEquals(Long.parseLong(order), sent.getJsonObject("order").getLong("id"));
        assertEquals(Long.parseLong(customer), sent.getJsonObject("customer").getLong("id"));
    }

    private static Map<String, String> mapOf(String k, String v) {
        Map<String, String> m = new HashMap<>();
        m.put(k, v);
        return m;
    }
}
