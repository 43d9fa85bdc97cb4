package io.leadflow.connector.keycrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.IdempotencyToken;
import io.leadflow.connector.contract.Await;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Create in funnels" (account setting mode=funnels): pipeline cards instead of orders. */
class KeycrmFunnelTest extends KeycrmTestBed {

    @Test
    void createDeal_postsCardWithContactUtmAndTag_thenPutsStatus() {
        CrmConnector c = connector(Map.of("mode", "funnels", "pipeline_id", "1"));
        CreateDeal deal = new CreateDeal(null, fields().put("title", "Order 1207").put("buyer_name", "Olena")
                .put("buyer_phone", PHONE).put("utm_source", "google").put("status_id", 12).put("deal_cf_LD_12", "note"), null, false);
        EffectResult r = Await.result(c.apply(deal, ctx("k1")));
        assertEquals(2, r.httpCalls());
        JsonObject body = new JsonObject(requests("POST", "/v1/pipelines/cards").get(0).getString("body"));
        assertEquals("Order 1207", body.getString("title"));
        assertEquals(new JsonObject().put("full_name", "Olena").put("phone", PHONE), body.getJsonObject("contact"));
        assertEquals("google", body.getString("utm_source"), "UTM marks are top-level on a card");
        assertEquals(1, body.getInteger("pipeline_id"));
        assertEquals("[" + IdempotencyToken.of("k1") + "]", body.getString("manager_comment"));
        JsonObject card = emulator.data().card(Long.parseLong(r.crmId())).orElseThrow();
        assertEquals(12, card.getInteger("status_id"));
        assertEquals("note", card.getJsonArray("custom_fields").getJsonObject(0).getString("value"));
    }

    @Test
    void droppedAnswer_isInDoubt_andReconcileFindsTheCardByItsTag() {
        CrmConnector c = connector(Map.of("mode", "funnels"));
        Await.result(c.apply(new CreateDeal(null, fields().put("title", "other"), null, false), ctx("k0")));
        emulator.faults().apply(new JsonObject().put("commitThenDrop", 1));
        CreateDeal deal = new CreateDeal(null, fields().put("title", "maybe"), null, false);
        EffectContext ctx = ctx("k1");
        Await.failure(c.apply(deal, ctx), InDoubtException.class);
        Optional<EffectResult> found = Await.result(c.reconcile(deal, ctx));
        assertEquals("maybe", emulator.data().card(Long.parseLong(found.orElseThrow().crmId())).orElseThrow().getString("title"));
        assertTrue(Await.result(c.reconcile(deal, ctx("k9"))).isEmpty());
    }

    @Test
    void funnelsSwitchedOff_isPermanentWithKeycrmsMessage() {
        emulator.data().funnelsEnabled(false);
        PermanentException e = Await.failure(connector(Map.of("mode", "funnels"))
                .apply(new CreateDeal(null, fields().put("title", "x"), null, false), ctx("k1")), PermanentException.class);
        assertEquals(400, e.status());
        assertTrue(e.crmMessage().contains("Funnels are disabled"), e.crmMessage());
    }
}
