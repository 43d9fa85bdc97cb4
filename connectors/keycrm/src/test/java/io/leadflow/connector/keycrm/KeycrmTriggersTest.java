package io.leadflow.connector.keycrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.contract.Await;
import io.leadflow.connector.keycrm.emulator.KeycrmEmulator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator fires KeyCRM's "Send Webhook" trigger on status changes, as the real automation does (seed 001). */
class KeycrmTriggersTest extends KeycrmTestBed {
    private final LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private HttpServer shop;

    @BeforeEach
    void startReceiver() {
        emulator.triggers().clear();
        received.clear();
        shop = Await.result(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            if (failFirst.getAndDecrement() > 0) {
                req.response().setStatusCode(500).end();
                return;
            }
            received.add(new JsonObject().put("method", req.method().name()).put("uri", req.uri())
                    .put("type", req.getHeader("Content-Type")).put("body", b.length() == 0 ? null : new JsonObject(b)));
            req.response().end();
        })).listen(0, "127.0.0.1"));
    }

    @AfterEach
    void stopReceiver() {
        Await.result(shop.close());
    }

    private HttpResponse<Buffer> admin(String path, JsonObject body) {
        return Await.result(WebClient.create(vertx).request(HttpMethod.POST, emulator.port(), "127.0.0.1", path).sendJsonObject(body));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + shop.actualPort() + path;
    }

    private long order(int sourceId, String number) {
        return emulator.data().putOrder(new JsonObject().put("source_id", sourceId).put("source_uuid", number)
                .put("status_id", 1).put("status_group_id", 1)).getLong("id");
    }

    private JsonObject next() throws InterruptedException {
        JsonObject r = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(r, "no webhook arrived");
        return r;
    }

    @Test
    void aManagerMovingAnOrder_postsEventAndContext_onlyForTheTriggersSource() throws Exception {
        assertEquals(201, admin("/__emulator/triggers", new JsonObject().put("event", "order.change_order_status")
                .put("url", url("/hook?token=t1")).put("source_ids", new JsonArray().add(3))).statusCode());
        long other = order(9, "X-1");
        long mine = order(3, "SE-10452");
        assertEquals(200, admin("/__emulator/orders/" + other + "/status", new JsonObject().put("status_id", 4)).statusCode());
        assertEquals(200, admin("/__emulator/orders/" + mine + "/status", new JsonObject().put("status_id", 5)).statusCode());
        JsonObject hook = next();
        assertEquals("POST", hook.getString("method"));
        assertEquals("/hook?token=t1", hook.getString("uri"));
        assertEquals("application/json", hook.getString("type"));
        JsonObject body = hook.getJsonObject("body");
        assertEquals("order.change_order_status", body.getString("event"));
        JsonObject context = body.getJsonObject("context");
        assertEquals(mine, context.getLong("id"));
        assertEquals("SE-10452", context.getString("source_uuid"));
        assertEquals(5, context.getInteger("status_id"));
        assertEquals(5, context.getInteger("status_group_id"));
        assertNotNull(context.getString("status_changed_at"));
        assertNull(received.poll(300, TimeUnit.MILLISECONDS), "the order of source 9 does not match the trigger's condition");
    }

    @Test
    void anApiStatusUpdateFiresToo_butAnUpdateWithoutStatusChangeDoesNot() throws Exception {
        admin("/__emulator/triggers", new JsonObject().put("event", "order.change_order_status").put("url", url("/h")));
        long id = order(3, "SE-1");
        HttpResponse<Buffer> note = Await.result(WebClient.create(vertx).put(emulator.port(), "127.0.0.1", "/v1/order/" + id)
                .putHeader("Authorization", "Bearer " + KeycrmEmulator.TEST_KEY).sendJsonObject(new JsonObject().put("manager_comment", "x")));
        assertEquals(202, note.statusCode());
        Await.result(WebClient.create(vertx).put(emulator.port(), "127.0.0.1", "/v1/order/" + id)
                .putHeader("Authorization", "Bearer " + KeycrmEmulator.TEST_KEY).sendJsonObject(new JsonObject().put("status_id", 2)));
        assertEquals(2, next().getJsonObject("body").getJsonObject("context").getInteger("status_id"));
        assertNull(received.poll(300, TimeUnit.MILLISECONDS), "one change, one webhook");
    }

    @Test
    void aCardMovedInItsFunnel_sendsLeadChangeLeadStatus_withItsCustomFields() throws Exception {
        admin("/__emulator/triggers", new JsonObject().put("event", "lead.change_lead_status").put("url", url("/cards")));
        long card = emulator.data().putCard(new JsonObject().put("pipeline_id", 1).put("status_id", 11).put("source_id", 3)
                .put("custom_fields", new JsonArray().add(new JsonObject().put("uuid", "LD_12").put("value", "SE-77")))).getLong("id");
        assertEquals(422, admin("/__emulator/cards/" + card + "/status", new JsonObject().put("status_id", 5)).statusCode(),
                "5 is an order status, not one of the funnel's");
        admin("/__emulator/cards/" + card + "/status", new JsonObject().put("status_id", 13));
        JsonObject body = next().getJsonObject("body");
        assertEquals("lead.change_lead_status", body.getString("event"));
        assertEquals(13, body.getJsonObject("context").getInteger("status_id"));
        assertEquals("SE-77", body.getJsonObject("context").getJsonArray("custom_fields").getJsonObject(0).getString("value"));
    }

    @Test
    void aFailedDeliveryIsRetried_upToThreeAttempts() throws Exception {
        failFirst.set(2);
        admin("/__emulator/triggers", new JsonObject().put("event", "order.change_order_status").put("url", url("/h")));
        admin("/__emulator/orders/" + order(3, "SE-2") + "/status", new JsonObject().put("status_id", 6));
        assertEquals(6, next().getJsonObject("body").getJsonObject("context").getInteger("status_id"));
        JsonObject delivery = emulator.triggers().toJson().getJsonArray("deliveries").getJsonObject(0);
        for (long end = System.nanoTime() + 5_000_000_000L; delivery.getInteger("status") != 200 && System.nanoTime() < end; ) {
            Thread.onSpinWait(); // the answer is recorded just after the receiver saw the body
            delivery = emulator.triggers().toJson().getJsonArray("deliveries").getJsonObject(0);
        }
        assertEquals(3, delivery.getInteger("attempts"));
        assertEquals(200, delivery.getInteger("status"));
    }

    @Test
    void aTriggerKeycrmDoesNotOffer_isRefused() {
        assertEquals(422, admin("/__emulator/triggers", new JsonObject().put("event", "order.deleted").put("url", url("/h"))).statusCode());
        assertEquals(422, admin("/__emulator/triggers", new JsonObject().put("event", "order.change_order_status").put("url", "ftp://x")).statusCode());
    }
}
