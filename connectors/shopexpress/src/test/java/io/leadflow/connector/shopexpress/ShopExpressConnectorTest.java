package io.leadflow.connector.shopexpress;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.leadflow.connector.emulator.ReceivedRequest;
import io.leadflow.connector.shopexpress.emulator.ShopExpressEmulator;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.error.AuthException;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status write of the reverse leg against the (unconfirmed) Shop-Express API emulator. */
class ShopExpressConnectorTest extends EmulatorTestBase<ShopExpressEmulator> {

    @Override
    protected Future<ShopExpressEmulator> startEmulator(Vertx vertx) {
        return new ShopExpressFactory().startEmulator(vertx, 0);
    }

    private CrmConnector connector() {
        return new ShopExpressFactory().create(vertx, emulator.account("shop"));
    }

    private static CreateDeal status(String order, String status) {
        ObjectNode f = JsonNodeFactory.instance.objectNode().put("order_id", order);
        if (status != null) f.put("status", status);
        return new CreateDeal(null, f, null, false);
    }

    private static EffectContext ctx() {
        return new EffectContext("lf-1-1-0", "1", Map.of(), null);
    }

    @Test
    void setsTheOrderStatus_withBearerAndJsonPatch() {
        emulator.data().putOrder("SE-10452", "new");
        assertEquals("SE-10452", Await.result(connector().apply(status("SE-10452", "shipped"), ctx())).crmId());
        assertEquals("shipped", emulator.data().order("SE-10452").orElseThrow().getString("status"));
        ReceivedRequest r = emulator.lastReceived("PATCH /api/v1/orders/SE-10452");
        assertEquals("Bearer " + ShopExpressEmulator.TEST_KEY, r.headers().get("Authorization"));
        assertEquals(new JsonObject().put("status", "shipped"), new JsonObject(r.body()));
    }

    @Test
    void unknownOrder_unknownStatus_andBadKey_areRefusedWithTheShopsWords() {
        emulator.data().putOrder("SE-1", "new");
        PermanentException missing = Await.failure(connector().apply(status("SE-2", "shipped"), ctx()), PermanentException.class);
        assertEquals(404, missing.status());
        assertTrue(missing.crmMessage().contains("no order SE-2"), missing.crmMessage());
        PermanentException bad = Await.failure(connector().apply(status("SE-1", "teleported"), ctx()), PermanentException.class);
        assertEquals(422, bad.status());
        assertEquals("status", bad.field());
        PermanentException none = Await.failure(connector().apply(status("SE-1", null), ctx()), PermanentException.class);
        assertTrue(none.crmMessage().contains("no status"), none.crmMessage());
        assertEquals(1, emulator.counters().get("PATCH /api/v1/orders/SE-1"), "a write without a status is refused before sending");
        AccountConfig wrong = new AccountConfig("shopexpress", "shop", emulator.account("shop").baseUrl(), Map.of("api_key", "nope"), Map.of());
        Await.failure(new ShopExpressFactory().create(vertx, wrong).apply(status("SE-1", "shipped"), ctx()), AuthException.class);
        assertEquals("new", emulator.data().order("SE-1").orElseThrow().getString("status"));
    }

    @Test
    void onlyTheOrderWriteIsAccepted() {
        PermanentException e = Await.failure(connector().apply(new UpdateDeal("1", JsonNodeFactory.instance.objectNode(), false), ctx()),
                PermanentException.class);
        assertTrue(e.crmMessage().contains("only sets an order's status"), e.crmMessage());
    }

    @Test
    void droppedAnswer_isInDoubt_andReconcileSeesTheStatusAlreadySet() {
        emulator.data().putOrder("SE-7", "new");
        emulator.faults().apply(new JsonObject().put("commitThenDrop", 1));
        Await.failure(connector().apply(status("SE-7", "delivered"), ctx()), InDoubtException.class);
        assertEquals("SE-7", Await.result(connector().reconcile(status("SE-7", "delivered"), ctx())).orElseThrow().crmId());
        assertTrue(Await.result(connector().reconcile(status("SE-7", "cancelled"), ctx())).isEmpty());
    }

    /** A shop whose API is not what the adapter guessed: a 2xx that changes nothing must not pass as done. */
    @Test
    void aTwoHundredThatDidNotChangeTheStatus_isPermanent_sayingTheContractIsUnconfirmed() {
        HttpServer shop = Await.result(vertx.createHttpServer().requestHandler(req -> {
            if (req.method().name().equals("PATCH")) req.response().setStatusCode(200).end("<html>ok</html>");
            else req.response().putHeader("Content-Type", "application/json").end("{\"number\":\"SE-9\",\"status\":\"new\"}");
        }).listen(0, "127.0.0.1"));
        try {
            AccountConfig cfg = new AccountConfig("shopexpress", "shop", "http://127.0.0.1:" + shop.actualPort() + "/api/v1",
                    Map.of("api_key", "k"), Map.of());
            PermanentException e = Await.failure(new ShopExpressFactory().create(vertx, cfg).apply(status("SE-9", "shipped"), ctx()),
                    PermanentException.class);
            assertTrue(e.crmMessage().contains("unconfirmed API contract does not hold"), e.crmMessage());
        } finally {
            Await.result(shop.close());
        }
    }
}
