package io.leadflow.connector.keepincrm;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.IdempotencyToken;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.leadflow.connector.emulator.ReceivedRequest;
import io.leadflow.connector.keepincrm.emulator.KeepinCrmEmulator;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What exactly goes over the wire to KeepinCRM, as its emulator received it. */
class KeepinCrmEncodingTest extends EmulatorTestBase<KeepinCrmEmulator> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private KeepinCrmConnector connector;

    @Override
    protected Future<KeepinCrmEmulator> startEmulator(Vertx vertx) {
        return new KeepinCrmFactory().startEmulator(vertx, 0);
    }

    /** A fresh connector per test, so its stage cache starts empty. */
    @BeforeEach
    void newConnector() {
        connector = new KeepinCrmConnector(vertx, emulator.account("main"));
    }

    @AfterEach
    void closeConnector() {
        Await.result(connector.close());
    }

    private static EffectContext ctx(String key, Map<Integer, String> created) {
        return new EffectContext(key, "lead", created, "deal_cf_1050");
    }

    private JsonObject lastBody(String operation) {
        ReceivedRequest r = emulator.lastReceived(operation);
        assertEquals("application/json", r.contentType());
        assertEquals(KeepinCrmEmulator.TOKEN, r.headers().get("X-Auth-Token"));
        return new JsonObject(r.body());
    }

    @Test
    void contactThenDeal_sendClientAndAgreementBodies() throws Exception {
        String clientId = Await.result(connector.apply(new CreateContact((ObjectNode) JSON.readTree(
                "{\"name\": \"Olena\", \"phone\": \"+380671234567\", \"email\": \"o@example.com\"}"), "101"), ctx("k/0", Map.of()))).crmId();
        assertEquals(new JsonObject("{\"person\":\"Olena\",\"phones\":[\"+380671234567\"],\"email\":\"o@example.com\",\"main_responsible_id\":101}"),
                lastBody("POST /v1/clients"));
        ObjectNode deal = (ObjectNode) JSON.readTree("""
                {"title": "Order 1207 from Olena", "total": "900", "stage_id": "1", "deal_cf_1043": "google",
                 "deal_cf_1044": null,
                 "products": [{"sku": "TSH-42", "title": "T-shirt", "price": "450", "quantity": 2}]}""");
        Await.result(connector.apply(new CreateDeal(new RecordRef.Created(0), deal, "102", true), ctx("k/1", Map.of(0, clientId))));
        JsonObject expected = new JsonObject("""
                {"title": "Order 1207 from Olena", "total": 900.0, "stage_id": 1,
                 "jobs_attributes": [{"title": "T-shirt", "amount": 2.0,
                                      "product_attributes": {"sku": "TSH-42", "title": "T-shirt", "price": 450.0}}],
                 "custom_fields": [{"name": "field_1043", "value": "google"}, {"name": "field_1050", "value": "leadflow"}],
                 "main_responsible_id": 102}""").put("comment", IdempotencyToken.of("k/1")).put("client_id", Long.parseLong(clientId));
        assertEquals(expected, lastBody("POST /v1/agreements"));
    }

    @Test
    void task_linksDealContactAndManager_andCarriesTheToken() {
        String clientId = Await.result(connector.apply(new CreateContact(JSON.createObjectNode().put("name", "O"), null), ctx("t/0", Map.of()))).crmId();
        String dealId = Await.result(connector.apply(new CreateDeal(new RecordRef.Existing(clientId),
                JSON.createObjectNode().put("title", "D"), null, false), ctx("t/1", Map.of()))).crmId();
        Await.result(connector.apply(new CreateTask(new RecordRef.Existing(dealId), new RecordRef.Existing(clientId), "102",
                JSON.createObjectNode().put("title", "Repeat order").put("comment", "call")), ctx("t/2", Map.of())));
        JsonObject expected = new JsonObject().put("title", "Repeat order").put("comment", "call\n" + IdempotencyToken.of("t/2"))
                .put("agreement_id", Long.parseLong(dealId)).put("client_id", Long.parseLong(clientId)).put("main_responsible_id", 102L);
        assertEquals(expected, lastBody("POST /v1/tasks"));
    }

    @Test
    void update_sendsOnlyTheGivenFields_andTheMarker() {
        String dealId = Await.result(connector.apply(new CreateDeal(null, JSON.createObjectNode().put("title", "D").put("total", 5), null, false),
                ctx("u/0", Map.of()))).crmId();
        Await.result(connector.apply(new UpdateDeal(dealId, JSON.createObjectNode().put("stage_id", 2), true), ctx("u/1", Map.of())));
        ReceivedRequest r = emulator.lastReceived("PATCH /v1/agreements/{id}");
        assertEquals(new JsonObject("{\"stage_id\":2,\"custom_fields\":[{\"name\":\"field_1050\",\"value\":\"leadflow\"}]}"), new JsonObject(r.body()));
        Found found = Await.result(connector.find(new LookupRequest(List.of(), true, "deal_cf_1050")));
        assertTrue(found.contact().isEmpty(), "no keys, no lookup");
    }

    @Test
    void lookup_isOneOredClientSearch_plusTheClientsAgreements() {
        String clientId = Await.result(connector.apply(new CreateContact(JSON.createObjectNode().put("name", "O")
                .put("phone", "067 123 45 67"), null), ctx("f/0", Map.of()))).crmId();
        Await.result(connector.apply(new CreateDeal(new RecordRef.Existing(clientId), JSON.createObjectNode().put("title", "D"), null, true),
                ctx("f/1", Map.of())));
        emulator.counters().reset();
        Found found = Await.result(connector.find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, "+380671234567"),
                new LookupKey(LookupKey.Kind.EMAIL, "o@example.com")), true, "deal_cf_1050")));
        String uri = URLDecoder.decode(emulator.lastReceived("GET /v1/clients").uri(), StandardCharsets.UTF_8);
        assertEquals("/v1/clients?q[m]=or&q[phones_number_cont]=671234567&q[email_eq]=o@example.com", uri);
        assertTrue(found.deals().get(0).marked());
        assertEquals(Map.of("GET /v1/clients", 1L, "GET /v1/agreements", 1L, "GET /v1/stages", 1L), emulator.counters().snapshot());
    }

    @Test
    void nonNumericManager_isRefusedBeforeAnyCall() {
        PermanentException e = Await.failure(connector.apply(new CreateContact(JSON.createObjectNode().put("name", "O"), "anna"),
                ctx("m/0", Map.of())), PermanentException.class);
        assertEquals("manager", e.field());
        assertEquals(0, emulator.counters().total());
    }

    @Test
    void nonNumericRecordId_isRefusedBeforeAnyCall() {
        PermanentException e = Await.failure(connector.apply(new UpdateDeal("../clients/1", JSON.createObjectNode().put("title", "x"), false),
                ctx("i/0", Map.of())), PermanentException.class);
        assertEquals("deal", e.field());
        assertEquals(0, emulator.counters().total());
    }

    @Test
    void badSeed_isA400NotA500() {
        var web = io.vertx.ext.web.client.WebClient.create(vertx);
        var r = Await.result(web.post(emulator.port(), "127.0.0.1", "/__emulator/seed")
                .sendJsonObject(new JsonObject("{\"contacts\":[{\"ref\":\"c\",\"createdAt\":\"yesterday\"}]}")));
        assertEquals(400, r.statusCode());
    }

    @Test
    void contactCreateInDoubt_isReconciledByPhone() {
        emulator.faults().apply(new JsonObject().put("commitThenDrop", 1));
        CreateContact c = new CreateContact(JSON.createObjectNode().put("name", "O").put("phone", "+380671234567"), null);
        Await.failure(connector.apply(c, ctx("r/0", Map.of())));
        assertTrue(Await.result(connector.reconcile(c, ctx("r/0", Map.of()))).isPresent());
    }
}
