package io.leadflow.connector.keycrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.contract.Await;
import io.leadflow.connector.keycrm.emulator.KeycrmEmulator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

/** The emulator speaks KeyCRM's auth, envelopes, validation and limit, whatever the client. */
class KeycrmEmulatorTest extends KeycrmTestBed {

    private HttpResponse<Buffer> call(String method, String path, String key, JsonObject body) {
        WebClient web = WebClient.create(vertx);
        var req = web.request(io.vertx.core.http.HttpMethod.valueOf(method), emulator.port(), "127.0.0.1", path);
        if (key != null) req.putHeader("Authorization", "Bearer " + key);
        return Await.result(body == null ? req.send() : req.sendJsonObject(body));
    }

    @Test
    void wrongOrMissingKey_is401WithMessage() {
        HttpResponse<Buffer> wrong = call("GET", "/v1/buyer", "nope", null);
        assertEquals(401, wrong.statusCode());
        assertEquals("Unauthenticated.", wrong.bodyAsJsonObject().getString("message"));
        assertEquals(401, call("GET", "/v1/buyer", null, null).statusCode());
    }

    @Test
    void orderWithoutSourceAndBuyer_is422WithFieldErrors() {
        HttpResponse<Buffer> r = call("POST", "/v1/order", KeycrmEmulator.TEST_KEY, new JsonObject());
        assertEquals(422, r.statusCode());
        JsonObject errors = r.bodyAsJsonObject().getJsonObject("errors");
        assertEquals("The source id field is required.", errors.getJsonArray("source_id").getString(0));
        assertTrue(errors.containsKey("buyer"));
    }

    @Test
    void wronglyTypedValues_are422NotServerErrors() {
        JsonObject order = new JsonObject().put("source_id", 3).put("buyer", new JsonObject().put("full_name", "O").put("phone", 380))
                .put("shipping_price", "abc").put("marketing", "google")
                .put("products", new io.vertx.core.json.JsonArray().add(new JsonObject().put("price", "450")));
        HttpResponse<Buffer> r = call("POST", "/v1/order", KeycrmEmulator.TEST_KEY, order);
        assertEquals(422, r.statusCode());
        assertEquals(java.util.Set.of("buyer.phone", "shipping_price", "marketing", "products.0.price"),
                r.bodyAsJsonObject().getJsonObject("errors").fieldNames());
    }

    @Test
    void createAnswers201_updateAnswers202() {
        HttpResponse<Buffer> created = call("POST", "/v1/buyer", KeycrmEmulator.TEST_KEY, new JsonObject().put("full_name", "Olena"));
        assertEquals(201, created.statusCode());
        long id = created.bodyAsJsonObject().getLong("id");
        assertEquals(202, call("PUT", "/v1/buyer/" + id, KeycrmEmulator.TEST_KEY, new JsonObject().put("full_name", "O")).statusCode());
        assertEquals(422, call("PUT", "/v1/buyer/" + id, KeycrmEmulator.TEST_KEY, new JsonObject().put("note", "x")).statusCode(),
                "full_name is required on update too");
    }

    @Test
    void sixtyFirstCallInAMinute_is429WithRetryAfter() {
        for (int i = 0; i < 60; i++) assertEquals(200, call("GET", "/v1/order/status", KeycrmEmulator.TEST_KEY, null).statusCode());
        HttpResponse<Buffer> limited = call("GET", "/v1/order/status", KeycrmEmulator.TEST_KEY, null);
        assertEquals(429, limited.statusCode());
        long retryAfter = Long.parseLong(limited.getHeader("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(1, emulator.overLimitAnswers());
    }

    @Test
    void pageObject_hasLaravelShape_andLimitIsCapped() {
        JsonObject page = call("GET", "/v1/order/status?limit=2&page=2", KeycrmEmulator.TEST_KEY, null).bodyAsJsonObject();
        assertEquals(2, page.getInteger("current_page"));
        assertEquals(2, page.getInteger("per_page"));
        assertEquals(7, page.getInteger("total"));
        assertEquals(2, page.getJsonArray("data").size());
        assertTrue(page.getString("next_page_url").endsWith("/v1/order/status?page=3"));
        assertEquals(422, call("GET", "/v1/order/status?limit=51", KeycrmEmulator.TEST_KEY, null).statusCode());
    }
}
