package io.leadflow.connector.retailcrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.contract.Await;
import io.leadflow.connector.retailcrm.emulator.RetailcrmEmulator;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

/** The emulator speaks RetailCRM's auth, encodings, envelopes and limit, whatever the client. */
class RetailcrmEmulatorTest extends RetailcrmTestBed {

    private WebClient web() {
        return WebClient.create(vertx);
    }

    private HttpResponse<Buffer> get(String uri, String key) {
        var req = web().get(emulator.port(), "127.0.0.1", uri);
        if (key != null) req.putHeader("X-API-KEY", key);
        return Await.result(req.send());
    }

    private HttpResponse<Buffer> postForm(String uri, MultiMap form) {
        return Await.result(web().post(emulator.port(), "127.0.0.1", uri).putHeader("X-API-KEY", RetailcrmEmulator.TEST_KEY).sendForm(form));
    }

    @Test
    void wrongKey_is403WithRetailcrmsMessage_andApiKeyParamWorks() {
        HttpResponse<Buffer> wrong = get("/api/v5/reference/sites", "nope");
        assertEquals(403, wrong.statusCode());
        assertEquals(new JsonObject().put("success", false).put("errorMsg", "Wrong \"apiKey\" value."), wrong.bodyAsJsonObject());
        assertEquals("\"apiKey\" is missing.", get("/api/v5/reference/sites", null).bodyAsJsonObject().getString("errorMsg"));
        assertEquals(200, get("/api/v5/reference/sites?apiKey=" + RetailcrmEmulator.TEST_KEY, null).statusCode());
    }

    @Test
    void emailFilter_skipsCustomersWithoutEmail_insteadOfAnswering500() {
        postForm("/api/v5/customers/create", MultiMap.caseInsensitiveMultiMap().add("site", "shop1").add("customer", "{\"firstName\":\"NoMail\"}"));
        postForm("/api/v5/customers/create", MultiMap.caseInsensitiveMultiMap().add("site", "shop1")
                .add("customer", "{\"firstName\":\"NullMail\",\"email\":null}"));
        postForm("/api/v5/customers/create", MultiMap.caseInsensitiveMultiMap().add("site", "shop1")
                .add("customer", "{\"firstName\":\"Olena\",\"email\":\"olena@example.com\"}"));
        HttpResponse<Buffer> r = get("/api/v5/customers?filter[email]=olena%40example.com", RetailcrmEmulator.TEST_KEY);
        assertEquals(200, r.statusCode(), r.bodyAsString());
        assertEquals(1, r.bodyAsJsonObject().getJsonArray("customers").size());
    }

    @Test
    void jsonBodyInsteadOfForm_isMissingTheEntityField() {
        HttpResponse<Buffer> r = Await.result(web().post(emulator.port(), "127.0.0.1", "/api/v5/orders/create")
                .putHeader("X-API-KEY", RetailcrmEmulator.TEST_KEY).sendJsonObject(new JsonObject().put("site", "shop1")));
        assertEquals(400, r.statusCode());
        assertEquals("Parameter 'order' is missing", r.bodyAsJsonObject().getString("errorMsg"));
    }

    @Test
    void createIs201_withIdInTheEnvelope_andValidationIs400WithErrorsObject() {
        HttpResponse<Buffer> ok = postForm("/api/v5/customers/create",
                MultiMap.caseInsensitiveMultiMap().add("site", "shop1").add("customer", "{\"firstName\":\"Olena\"}"));
        assertEquals(201, ok.statusCode());
        assertTrue(ok.bodyAsJsonObject().getBoolean("success"));
        assertNotNull(ok.bodyAsJsonObject().getLong("id"));
        HttpResponse<Buffer> bad = postForm("/api/v5/orders/create",
                MultiMap.caseInsensitiveMultiMap().add("site", "shop1").add("order", "{\"orderType\":\"eshop-individual-x\"}"));
        assertEquals(400, bad.statusCode());
        assertEquals("\"OrderType\" with \"code\"=\"eshop-individual-x\" does not exist.",
                bad.bodyAsJsonObject().getJsonObject("errors").getString("orderType"));
    }

    @Test
    void wronglyTypedValues_are400NotServerErrors() {
        HttpResponse<Buffer> r = postForm("/api/v5/orders/create", MultiMap.caseInsensitiveMultiMap().add("site", "shop1")
                .add("order", "{\"firstName\":5,\"items\":[{\"initialPrice\":\"x\"}]}"));
        assertEquals(400, r.statusCode());
        assertEquals(java.util.Set.of("firstName", "items[0].initialPrice"), r.bodyAsJsonObject().getJsonObject("errors").fieldNames());
    }

    @Test
    void referenceDictionaries_areObjectsKeyedByCode() {
        JsonObject groups = get("/api/v5/reference/status-groups", RetailcrmEmulator.TEST_KEY).bodyAsJsonObject().getJsonObject("statusGroups");
        assertEquals("complete", groups.getJsonObject("complete").getString("code"));
        assertTrue(groups.getJsonObject("cancel").getJsonArray("statuses").contains("no-call"));
        assertEquals("complete", get("/api/v5/reference/statuses", RetailcrmEmulator.TEST_KEY).bodyAsJsonObject()
                .getJsonObject("statuses").getJsonObject("delivered-paid").getString("group"));
    }

    @Test
    void eleventhCallInASecond_is503() {
        int limited = 0;
        for (int i = 0; i < 11; i++) {
            if (get("/api/v5/reference/sites", RetailcrmEmulator.TEST_KEY).statusCode() == 503) limited++;
        }
        assertTrue(limited >= 1, "at least the 11th call within one second is refused");
        assertEquals(limited, emulator.overLimitAnswers());
    }

    @Test
    void limitOutsideTheAllowedSet_isRefused() {
        assertEquals(400, get("/api/v5/customers?limit=30", RetailcrmEmulator.TEST_KEY).statusCode());
        assertEquals(200, get("/api/v5/customers?limit=50", RetailcrmEmulator.TEST_KEY).statusCode());
    }
}
