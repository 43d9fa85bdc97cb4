package io.leadflow.connector.baselinker;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.baselinker.emulator.BaselinkerEmulator;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator answers like the reference says Baselinker does, whoever calls it. */
class BaselinkerEmulatorTest extends EmulatorTestBase<BaselinkerEmulator> {
    private WebClient web;

    @Override
    protected Future<BaselinkerEmulator> startEmulator(Vertx vertx) {
        web = WebClient.create(vertx);
        return new BaselinkerFactory().startEmulator(vertx, 0);
    }

    @BeforeEach
    void documentedLimit() {
        emulator.rateLimit(BaselinkerEmulator.LIMIT);
    }

    private JsonObject call(String token, String method, String parameters) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("method", method).add("parameters", parameters);
        var req = web.post(emulator.port(), "127.0.0.1", "/connector.php");
        if (token != null) req.putHeader("X-BLToken", token);
        var resp = Await.result(req.sendForm(form));
        assertEquals(200, resp.statusCode(), "Baselinker reports errors inside a 200");
        return resp.bodyAsJsonObject();
    }

    private JsonObject call(String method, String parameters) {
        return call(BaselinkerEmulator.TOKEN, method, parameters);
    }

    @Test
    void wrongOrMissingToken_isAnErrorEnvelope() {
        assertEquals("ERROR_BAD_TOKEN", call("nope", "getOrderStatusList", "{}").getString("error_code"));
        assertEquals("ERROR_BAD_TOKEN", call(null, "getOrderStatusList", "{}").getString("error_code"));
    }

    @Test
    void unknownMethodAndBrokenJson_areRefused() {
        assertEquals("ERROR_UNKNOWN_METHOD", call("addOrders", "{}").getString("error_code"));
        assertEquals("ERROR_JSON_PARAMETERS", call("addOrder", "{not json").getString("error_code"));
    }

    @Test
    void addOrder_checksCurrencyLengthsAndProductFields() {
        assertTrue(call("addOrder", "{\"currency\":\"PL\"}").getString("error_message").contains("'currency'"));
        assertTrue(call("addOrder", "{\"phone\":\"" + "1".repeat(101) + "\"}").getString("error_message").contains("'phone'"));
        assertTrue(call("addOrder", "{\"products\":[{\"quantity\":1}]}").getString("error_message").contains("products[0].name"));
        assertTrue(call("addOrder", "{\"products\":[{\"name\":\"Mug\"}]}").getString("error_message").contains("products[0].quantity"));
        assertTrue(call("addOrder", "{\"custom_extra_fields\":{\"999\":\"x\"}}").getString("error_message").contains("custom_extra_fields.999"));
        assertEquals(5, emulator.counters().get("addOrder"), "all five calls counted");
    }

    @Test
    void wronglyTypedParameter_isAnErrorEnvelope() {
        assertTrue(call("getOrders", "{\"id_from\":\"many\"}").getString("error_message").contains("'id_from'"));
    }

    @Test
    void addOrder_thenGetOrders_onlyWithUnconfirmed() {
        JsonObject made = call("addOrder", "{\"currency\":\"PLN\",\"email\":\"j@example.com\",\"custom_extra_fields\":{\"4117\":\"g\"}}");
        assertEquals("SUCCESS", made.getString("status"));
        assertEquals(0, call("getOrders", "{}").getJsonArray("orders").size());
        JsonObject order = call("getOrders", "{\"get_unconfirmed_orders\":true}").getJsonArray("orders").getJsonObject(0);
        assertEquals(made.getInteger("order_id"), order.getInteger("order_id"));
        assertNull(order.getValue("custom_extra_fields"), "only with include_custom_extra_fields");
    }

    @Test
    void overTheLimit_theTokenIsBlockedWithAnErrorEnvelope() {
        emulator.rateLimit(new RateLimit(3, Duration.ofMinutes(1), true, "test"));
        for (int i = 0; i < 3; i++) assertEquals("SUCCESS", call("getOrderStatusList", "{}").getString("status"));
        JsonObject blocked = call("getOrderStatusList", "{}");
        assertEquals("ERROR_BLOCKED_TOKEN", blocked.getString("error_code"));
        assertTrue(blocked.getString("error_message").matches(".*blocked until \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        assertEquals(1, emulator.overLimitAnswers());
    }
}
