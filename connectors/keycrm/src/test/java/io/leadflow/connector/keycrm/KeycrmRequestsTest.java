package io.leadflow.connector.keycrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.contract.Await;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.effect.UpdateContact;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the KeyCRM connector puts on the wire, as the emulator received it. */
class KeycrmRequestsTest extends KeycrmTestBed {

    @Test
    void findByPhone_sendsBearerKeyAndEveryVariantInOneFilter() {
        Await.result(connector().find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE)), false, null)));
        List<JsonObject> gets = requests("GET", "/v1/buyer");
        assertEquals(1, gets.size());
        JsonObject r = gets.get(0);
        assertEquals("valid Bearer", r.getString("authorization"));
        assertEquals("+380671234567,380671234567,0671234567,671234567", r.getJsonObject("query").getString("filter[buyer_phone]"));
        assertTrue(r.getString("uri").contains("%2B380671234567"), "the + is percent-encoded, not sent as a space: " + r.getString("uri"));
    }

    @Test
    void createDeal_postsJsonOrderThenPutsStatus_afterCheckingTheStatus() {
        CreateDeal deal = new CreateDeal(null, fields().put("buyer_name", "Olena").put("buyer_phone", PHONE)
                .put("source_uuid", "SE-10452").put("status_id", "5").put("utm_source", "google")
                .put("payment_method_id", 2).put("payment_amount", 900).put("payment_status", "not_paid")
                .put("delivery_service_id", 1).put("deal_cf_OR_1037", "gift wrap"), "101", false);
        CrmConnector c = connector();
        EffectResult r = Await.result(c.apply(deal, ctx("k1")));
        assertEquals(3, r.httpCalls(), "the status list (cold cache), the POST, the status PUT");
        assertEquals(2, Await.result(c.apply(deal, ctx("k2"))).httpCalls(), "steady state: POST and PUT");
        JsonObject post = requests("POST", "/v1/order").get(0);
        assertTrue(post.getString("contentType").startsWith("application/json"));
        JsonObject body = new JsonObject(post.getString("body"));
        assertEquals(3, body.getInteger("source_id"), "from the account setting");
        assertEquals("SE-10452", body.getString("source_uuid"));
        assertEquals(new JsonObject().put("full_name", "Olena").put("phone", PHONE), body.getJsonObject("buyer"));
        assertEquals("google", body.getJsonObject("marketing").getString("utm_source"));
        assertEquals(new JsonObject().put("payment_method_id", 2).put("amount", 900).put("status", "not_paid"),
                body.getJsonArray("payments").getJsonObject(0));
        assertEquals(1, body.getJsonObject("shipping").getInteger("delivery_service_id"));
        assertEquals(new JsonArray().add(new JsonObject().put("uuid", "OR_1037").put("value", "gift wrap")), body.getJsonArray("custom_fields"));
        assertEquals(101, body.getInteger("manager_id"));
        assertFalse(body.containsKey("status_id"), "status_id is not a create field");
        JsonObject put = requests("PUT", "/v1/order/").get(0);
        assertEquals("/v1/order/" + r.crmId(), put.getString("path"));
        assertEquals(new JsonObject().put("status_id", 5), new JsonObject(put.getString("body")));
        JsonObject stored = emulator.data().order(Long.parseLong(r.crmId())).orElseThrow();
        assertEquals(5, stored.getInteger("status_group_id"));
    }

    @Test
    void bareNumberCustomField_isResolvedThroughDefinitions_onceOnly() {
        CrmConnector c = connector();
        Await.result(c.apply(new CreateDeal(null, order("first").put("deal_cf_1040", "x"), null, false), ctx("k1")));
        Await.result(c.apply(new CreateDeal(null, order("second").put("deal_cf_1040", "y"), null, false), ctx("k2")));
        assertEquals(1, emulator.counters().get("GET /v1/custom-fields"));
        JsonObject body = new JsonObject(requests("POST", "/v1/order").get(1).getString("body"));
        assertEquals("OR_1040", body.getJsonArray("custom_fields").getJsonObject(0).getString("uuid"));
    }

    @Test
    void createDealForKnownBuyer_takesBuyerDataFromTheLookup_withoutExtraCall() {
        String buyer = emulator.data().putBuyer(new JsonObject().put("full_name", "Olena K")
                .put("phone", new JsonArray().add("067 123 45 67")).put("email", new JsonArray().add("o@example.com")))
                .getLong("id").toString();
        CrmConnector c = connector();
        Await.result(c.find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE)), false, null)));
        EffectResult r = Await.result(c.apply(new CreateDeal(new RecordRef.Existing(buyer), fields().put("manager_comment", "x"),
                null, false), ctx("k1")));
        assertEquals(1, r.httpCalls());
        JsonObject body = new JsonObject(requests("POST", "/v1/order").get(0).getString("body"));
        assertEquals(new JsonObject().put("full_name", "Olena K").put("phone", "067 123 45 67").put("email", "o@example.com"),
                body.getJsonObject("buyer"));
        assertEquals(Long.valueOf(buyer), emulator.data().order(Long.parseLong(r.crmId())).orElseThrow().getLong("client_id"));
    }

    @Test
    void updateContactWithoutName_sendsTheCurrentFullName() {
        String buyer = emulator.data().putBuyer(new JsonObject().put("full_name", "Olena K")
                .put("phone", new JsonArray().add(PHONE)).put("email", new JsonArray())).getLong("id").toString();
        EffectResult r = Await.result(connector().apply(new UpdateContact(buyer, fields().put("email", "new@example.com")), ctx("k1")));
        assertEquals(2, r.httpCalls(), "GET the buyer (not seen before), then PUT");
        JsonObject put = new JsonObject(requests("PUT", "/v1/buyer/").get(0).getString("body"));
        assertEquals("Olena K", put.getString("full_name"));
        assertEquals(new JsonArray().add("new@example.com"), put.getJsonArray("email"));
    }

    @Test
    void createTask_isRefusedWithoutAnyCall() {
        PermanentException e = Await.failure(connector().apply(new CreateTask(null, null, "101", fields().put("title", "call")),
                ctx("k1")), PermanentException.class);
        assertTrue(e.crmMessage().contains("no task endpoint"), e.crmMessage());
        assertEquals(0, calls());
    }

    @Test
    void missingSource_isPermanent_beforeAnyCall() {
        CrmConnector c = connector(Map.of("source_id", ""));
        PermanentException e = Await.failure(c.apply(new CreateDeal(null, order("x"), null, false), ctx("k1")), PermanentException.class);
        assertEquals("source_id", e.field());
        assertEquals(0, calls());
    }

    @Test
    void unknownStatus_isRefusedBeforeAnOrderIsCreated() {
        PermanentException e = Await.failure(connector().apply(new CreateDeal(null, order("x").put("status_id", 99), null, false),
                ctx("k1")), PermanentException.class);
        assertEquals("status_id", e.field());
        assertEquals(0, emulator.counters().get("POST /v1/order"));
        assertTrue(emulator.data().orders(o -> true).isEmpty());
    }

    @Test
    void droppedAnswerToTheCreate_isInDoubt_andReconcileSetsTheStatus() {
        CrmConnector c = connector();
        CreateDeal deal = new CreateDeal(null, order("x").put("status_id", 4), null, false);
        Await.result(c.apply(new CreateDeal(null, order("warm-up"), null, false), ctx("k0")));
        emulator.faults().apply(new JsonObject().put("commitThenDrop", 1));
        Await.failure(c.apply(deal, ctx("k1")), io.leadflow.spi.error.InDoubtException.class);
        JsonObject made = emulator.data().orders(o -> "k1".equals(o.getString("source_uuid"))).get(0);
        assertEquals(1, made.getInteger("status_id"), "created, status not set yet");
        EffectResult r = Await.result(c.reconcile(deal, ctx("k1"))).orElseThrow();
        assertEquals(String.valueOf(made.getLong("id")), r.crmId());
        assertEquals(4, emulator.data().order(made.getLong("id")).orElseThrow().getInteger("status_id"));
        assertEquals(1, emulator.data().orders(o -> "k1".equals(o.getString("source_uuid"))).size(), "no duplicate");
    }

    @Test
    void wrongTypeInMappedValue_isPermanentNamingTheField() {
        PermanentException e = Await.failure(connector().apply(new CreateDeal(null, order("x").put("source_id", "three"), null, false),
                ctx("k1")), PermanentException.class);
        assertEquals("source_id", e.field());
        assertEquals(0, calls());
    }

    static com.fasterxml.jackson.databind.node.ObjectNode order(String comment) {
        return fields().put("buyer_name", "Olena").put("buyer_phone", PHONE).put("manager_comment", comment);
    }
}
