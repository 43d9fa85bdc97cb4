package io.leadflow.connector.horoshop;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.leadflow.connector.emulator.EmulatorMode;
import io.leadflow.connector.emulator.ReceivedRequest;
import io.leadflow.connector.horoshop.emulator.HoroshopEmulator;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.error.AuthException;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Horoshop's status write: the requests, the token in the body, re-login after expiry, and unknown ids refused in both modes. */
class HoroshopStatusTest extends EmulatorTestBase<HoroshopEmulator> {

    @Override
    protected Future<HoroshopEmulator> startEmulator(Vertx vertx) {
        return new HoroshopFactory().startEmulator(vertx, 0);
    }

    @BeforeEach
    void optimistic() {
        emulator.mode(EmulatorMode.OPTIMISTIC);
    }

    private CrmConnector connector() {
        AccountConfig a = emulator.account("shop");
        Map<String, String> s = new java.util.HashMap<>(a.settings());
        s.put("rate_limit", "1000/1s");
        return new HoroshopFactory().create(vertx, new AccountConfig(a.connector(), a.account(), a.baseUrl(), a.secrets(), s));
    }

    private static CreateDeal status(String order, Object status) {
        ObjectNode f = JsonNodeFactory.instance.objectNode().put("order_id", order).put("status", String.valueOf(status));
        return new CreateDeal(null, f, null, false);
    }

    private static EffectContext ctx() {
        return new EffectContext("lf-1/0", "lf-1", Map.of(), null);
    }

    @Test
    void setsTheStatus_withTheTokenInTheBody_andReadsItBack() {
        emulator.data().putOrder(1207, 1);
        ObjectNode f = JsonNodeFactory.instance.objectNode().put("order_id", "1207").put("status", 6).put("tracking_code", "20450000000000")
                .put("payed", true);
        CrmConnector c = connector();
        assertEquals("1207", Await.result(c.apply(new CreateDeal(null, f, null, false), ctx())).crmId());
        JsonObject o = emulator.data().order("1207").orElseThrow();
        assertEquals(6, o.getInteger("stat_status"));
        assertEquals("20450000000000", o.getString("tracking_code"));
        assertEquals(1, o.getInteger("payed"));
        ReceivedRequest login = emulator.lastReceived("POST /api/auth/");
        assertEquals(new JsonObject().put("login", HoroshopEmulator.LOGIN).put("password", HoroshopEmulator.TEST_KEY), new JsonObject(login.body()));
        JsonObject update = new JsonObject(emulator.lastReceived("POST /api/orders/update/").body());
        assertEquals(32, update.getString("token").length());
        assertEquals(new JsonObject().put("order_id", 1207L).put("status", 6).put("tracking_code", "20450000000000").put("payed", 1),
                update.getJsonArray("orders").getJsonObject(0));
        assertEquals(1, emulator.counters().get("POST /api/orders/get/"), "read back once");
        Await.result(c.apply(status("1207", 3), ctx()));
        assertEquals(1, emulator.counters().get("POST /api/auth/"), "the token is reused while it lives");
    }

    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void anExpiredToken_isRenewedOnce_andTheWriteGoesThrough(EmulatorMode mode) {
        emulator.mode(mode);
        emulator.data().putOrder(1300, 1);
        CrmConnector c = connector();
        Await.result(c.apply(status("1300", 2), ctx()));
        emulator.expireTokens();
        Await.result(c.apply(status("1300", 3), ctx()));
        assertEquals(3, emulator.data().order("1300").orElseThrow().getInteger("stat_status"));
        assertEquals(2, emulator.counters().get("POST /api/auth/"));
    }

    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void anUnknownStatusOrOrder_isPermanent_inBothModes(EmulatorMode mode) {
        emulator.mode(mode);
        emulator.data().putOrder(1400, 1);
        PermanentException bad = Await.failure(connector().apply(status("1400", 5), ctx()), PermanentException.class);
        assertEquals("status", bad.field());
        assertTrue(bad.crmMessage().contains("reads status 1"), bad.crmMessage());
        PermanentException missing = Await.failure(connector().apply(status("9999", 3), ctx()), PermanentException.class);
        assertTrue(missing.crmMessage().contains("reads as missing"), missing.crmMessage());
        PermanentException word = Await.failure(connector().apply(status("1400", "shipped"), ctx()), PermanentException.class);
        assertTrue(word.crmMessage().contains("statuses are ids"), word.crmMessage());
        assertEquals(1, emulator.data().order("1400").orElseThrow().getInteger("stat_status"));
    }

    @Test
    void aWrongPassword_isAuth_andAMissingLoginFailsBeforeAnyCall() {
        AccountConfig a = emulator.account("shop");
        AccountConfig wrong = new AccountConfig(a.connector(), a.account(), a.baseUrl(), Map.of("api_key", "nope"), a.settings());
        Await.failure(new HoroshopFactory().create(vertx, wrong).apply(status("1", 3), ctx()), AuthException.class);
        AccountConfig noLogin = new AccountConfig(a.connector(), a.account(), a.baseUrl(), a.secrets(), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HoroshopFactory().create(vertx, noLogin));
        assertTrue(e.getMessage().contains("login"), e.getMessage());
    }
}
