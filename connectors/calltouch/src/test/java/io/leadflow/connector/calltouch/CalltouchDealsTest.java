package io.leadflow.connector.calltouch;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.calltouch.emulator.CalltouchEmulator;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.leadflow.connector.emulator.EmulatorMode;
import io.leadflow.connector.emulator.ReceivedRequest;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.error.AuthException;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reverse deal feed (seed 002, C3) against the Calltouch emulator: a new order is linked once
 * to the customer's call (else request) no older than the window, else marked "lead not found";
 * a later status change updates the deal without re-linking. The linking scenarios run in both
 * emulator modes (journals paged oldest first / unpaged newest first).
 */
class CalltouchDealsTest extends EmulatorTestBase<CalltouchEmulator> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime ORDER_TIME = LocalDateTime.now(ZoneOffset.UTC).withNano(0).minusHours(2);

    @Override
    protected Future<CalltouchEmulator> startEmulator(Vertx vertx) {
        return new CalltouchFactory().startEmulator(vertx, 0);
    }

    private CrmConnector connector(Map<String, String> extra) {
        AccountConfig a = emulator.account("site");
        Map<String, String> settings = new HashMap<>(a.settings());
        settings.put("rate_limit", "15/1s");
        settings.putAll(extra);
        return new CalltouchFactory().create(vertx, new AccountConfig(a.connector(), a.account(), a.baseUrl(), a.secrets(), settings));
    }

    private static ObjectNode order(String number, String status, String phone, String email) {
        ObjectNode f = JsonNodeFactory.instance.objectNode().put("order_id", number).put("name", number + "A").put("funnel", "shop1")
                .put("status", status).put("revenue", 1234.5).put("manager_name", "Ivan Petrov").put("created_at", TIME.format(ORDER_TIME))
                .put("status_changed_at", TIME.format(ORDER_TIME.plusMinutes(30)));
        if (phone != null) f.put("phone", phone);
        if (email != null) f.put("email", email);
        return f;
    }

    private static int keys;

    private static EffectContext ctx() {
        keys++;
        return new EffectContext("lf-" + keys + "/0", "lf-" + keys, Map.of(), null);
    }

    @BeforeEach
    void optimisticUnlessTold() {
        emulator.mode(EmulatorMode.OPTIMISTIC);
    }

    private JsonObject deal(String number) {
        return emulator.data().deal(number).orElseThrow(() -> new AssertionError("no deal " + number));
    }

    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void insideTheWindow_theNewestCallIsLinked_callsBeforeRequests(EmulatorMode mode) {
        emulator.mode(mode);
        long old = emulator.data().addCall("380671234567", ORDER_TIME.minusMonths(5));
        long recent = emulator.data().addCall("+38 (067) 123-45-67", ORDER_TIME.minusMonths(3));
        emulator.data().addCall("380509999999", ORDER_TIME.minusDays(1));
        emulator.data().addRequest("380671234567", null, ORDER_TIME.minusDays(2));
        emulator.data().addCall("380671234567", ORDER_TIME.plusHours(1)); // after the order: not its lead
        CrmConnector c = connector(Map.of());
        assertEquals("7146", Await.result(c.apply(new CreateDeal(null, order("7146", "new", "+380671234567", null), null, false), ctx())).crmId());
        JsonObject d = deal("7146");
        assertEquals(new JsonObject().put("type", "call").put("id", recent), d.getJsonObject("lead"), "newest call in the window, before requests");
        assertNotEquals(old, recent);
        assertNull(d.getValue("addTags"), "a linked deal is not marked");
        ReceivedRequest create = emulator.lastReceived("POST /lead-service/v1/api/client-order/create");
        assertEquals(CalltouchEmulator.TEST_KEY, create.headers().get("Access-Token"));
        assertEquals(CalltouchEmulator.SITE_ID, create.headers().get("SiteId"));
        JsonObject sent = new JsonObject(create.body());
        assertEquals("RetailCRM", sent.getString("crm"));
        JsonObject o = sent.getJsonArray("orders").getJsonObject(0);
        assertEquals("7146A", o.getString("orderName"));
        assertEquals("shop1", o.getString("funnel"));
        assertEquals("1234.50", o.getString("revenue"));
        assertEquals("Ivan Petrov", o.getString("manager"));
        assertEquals(DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").format(ORDER_TIME), o.getString("orderDate"));
        assertEquals(DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").format(ORDER_TIME.plusMinutes(30)), o.getString("statusDate"));
    }

    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void noCall_aRequestByEmailIsLinked(EmulatorMode mode) {
        emulator.mode(mode);
        long request = emulator.data().addRequest(null, "Buyer@Example.com", ORDER_TIME.minusMonths(7));
        CrmConnector c = connector(Map.of());
        Await.result(c.apply(new CreateDeal(null, order("7147", "new", "+380671234567", "buyer@example.com"), null, false), ctx()));
        assertEquals(new JsonObject().put("type", "request").put("id", request), deal("7147").getJsonObject("lead"));
    }

    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void outsideTheWindow_leadNotFound_thenAStatusChangeUpdatesWithoutRelinking(EmulatorMode mode) {
        emulator.mode(mode);
        emulator.data().addCall("380671234567", ORDER_TIME.minusMonths(13));
        emulator.data().addRequest("380671234567", "buyer@example.com", ORDER_TIME.minusDays(370));
        CrmConnector c = connector(Map.of());
        Await.result(c.apply(new CreateDeal(null, order("7148", "new", "+380671234567", "buyer@example.com"), null, false), ctx()));
        JsonObject d = deal("7148");
        assertNull(d.getValue("lead"), "nothing younger than 12 months: no link");
        assertEquals("lead not found", d.getJsonArray("addTags").getJsonObject(0).getString("tag"));
        JsonObject matching = new JsonObject(emulator.lastReceived("POST /lead-service/v1/api/client-order/create").body())
                .getJsonArray("orders").getJsonObject(0).getJsonArray("matching").getJsonObject(0);
        assertEquals("withoutSource", matching.getString("type"));

        // a call arrives later; the order's status changes: the deal is updated, never re-linked
        emulator.data().addCall("380671234567", ORDER_TIME.minusDays(1));
        ObjectNode change = order("7148", "complete", "+380671234567", null).put("status_changed_at", TIME.format(ORDER_TIME.plusDays(1)));
        Await.result(c.apply(new CreateDeal(null, change, null, false), ctx()));
        d = deal("7148");
        assertEquals("complete", d.getString("status"));
        assertEquals(DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").format(ORDER_TIME.plusDays(1)), d.getString("statusDate"));
        assertNull(d.getValue("lead"), "linked once: the update does not re-link");
        assertEquals(0, d.getInteger("rematched"));
        assertEquals(1, d.getInteger("updates"));
        JsonObject update = new JsonObject(emulator.lastReceived("POST /lead-service/v1/api/client-order/update").body())
                .getJsonArray("orders").getJsonObject(0);
        assertFalse(update.containsKey("matching") || update.containsKey("reMatching"), update.encode());
        assertEquals(1, emulator.counters().get("POST /lead-service/v1/api/client-order/create"), "one deal, made once");
    }

    @Test
    void aShorterWindowIsASetting() {
        long call = emulator.data().addCall("380671234567", ORDER_TIME.minusDays(40));
        Await.result(connector(Map.of("lead_window_days", "30")).apply(
                new CreateDeal(null, order("7150", "new", "+380671234567", null), null, false), ctx()));
        assertNull(deal("7150").getValue("lead"));
        Await.result(connector(Map.of("lead_window_days", "60")).apply(
                new CreateDeal(null, order("7151", "new", "+380671234567", null), null, false), ctx()));
        assertEquals(call, deal("7151").getJsonObject("lead").getLong("id"));
    }

    @Test
    void droppedCreateAnswer_isInDoubt_reconcileFindsIt_andAResendMakesNoSecondDeal() {
        CrmConnector c = connector(Map.of());
        emulator.faults().apply(new JsonObject().put("commitThenDrop", 1));
        CreateDeal deal = new CreateDeal(null, order("7149", "new", null, null), null, false);
        Await.failure(c.apply(deal, ctx()), InDoubtException.class);
        assertEquals("7149", Await.result(c.reconcile(deal, ctx())).orElseThrow().crmId());
        Await.result(c.apply(deal, ctx()));
        assertEquals(1, emulator.counters().get("POST /lead-service/v1/api/client-order/create"));
        assertEquals(1, deal("7149").getInteger("updates"), "the resend became an update");
    }

    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void aRefusalIsPermanent_evenInsideA200(EmulatorMode mode) {
        emulator.mode(mode);
        // the adapter checks revenue itself; send a bad one behind its back to see the emulator's refusal envelope
        JsonObject body = new JsonObject().put("crm", "RetailCRM").put("orders", new io.vertx.core.json.JsonArray().add(new JsonObject()
                .put("orderNumber", "7153").put("revenue", "lots").put("matching", new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("type", "withoutSource")))));
        CalltouchApi api = new CalltouchApi(io.leadflow.connector.http.CrmHttp.forAccount(vertx, CalltouchSchema.DESCRIPTOR,
                emulator.account("site"), emulator.account("site").baseUrl(), java.time.Duration.ofSeconds(10), new CalltouchErrors()),
                CalltouchEmulator.TEST_KEY, CalltouchEmulator.TEST_KEY, CalltouchEmulator.SITE_ID);
        PermanentException e = Await.failure(api.create(body, new io.leadflow.connector.http.CallCount()), PermanentException.class);
        assertEquals("orders.0.revenue", e.field());
        assertTrue(e.crmMessage().contains("revenue must be a number"), e.crmMessage());
        assertTrue(emulator.data().deal("7153").isEmpty());
    }

    @Test
    void wrongKey_isAuth_andAMissingSiteIdFailsBeforeAnyCall() {
        AccountConfig a = emulator.account("site");
        AccountConfig wrong = new AccountConfig(a.connector(), a.account(), a.baseUrl(), Map.of("api_key", "nope"), a.settings());
        Await.failure(new CalltouchFactory().create(vertx, wrong).apply(new CreateDeal(null, order("1", "new", null, null), null, false), ctx()),
                AuthException.class);
        AccountConfig noSite = new AccountConfig(a.connector(), a.account(), a.baseUrl(), a.secrets(), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CalltouchFactory().create(vertx, noSite));
        assertTrue(e.getMessage().contains("site_id"), e.getMessage());
    }
}
