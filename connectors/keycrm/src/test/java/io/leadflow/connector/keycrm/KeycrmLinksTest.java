package io.leadflow.connector.keycrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.emulator.EmulatorMode;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How KeyCRM links records, as its OpenAPI 1.2.0 documents it: an order's buyer is
 * {@code include=buyer} → {@code buyer.id} (the published order has no {@code client_id}); funnel
 * cards are found, updated and recovered through the pipelines API, whatever the list order.
 */
class KeycrmLinksTest extends KeycrmTestBed {

    private static LookupRequest withDeals() {
        return new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE)), true, null);
    }

    private String buyer(CrmConnector c, String name, String phone, String key) {
        return Await.result(c.apply(new CreateContact(fields().put("full_name", name).put("phone", phone), null), ctx(key))).crmId();
    }

    @Test
    void ordersOfABuyer_areLinkedByTheBuyerInclude_notAnUndocumentedClientId() {
        CrmConnector c = connector();
        String buyer = buyer(c, "Olena", PHONE, "b1");
        String order = Await.result(c.apply(new CreateDeal(new RecordRef.Created(0), fields().put("manager_comment", "first"), null, false),
                new EffectContext("o1", "lead", Map.of(0, buyer), null))).crmId();
        Found found = Await.result(c.find(withDeals()));
        assertEquals(List.of(order), found.deals().stream().map(FoundDeal::id).toList());
        assertEquals(buyer, found.deals().get(0).contactId());
        JsonObject listed = requests("GET", "/v1/order").get(0);
        assertTrue(listed.getJsonObject("query").getString("include").contains("buyer"), listed.encode());
        assertFalse(emulator.data().order(Long.parseLong(order)).isEmpty());
    }

    @Test
    void funnelMode_findsTheBuyersCards_throughThePipelinesApi() {
        CrmConnector c = connector(Map.of("mode", "funnels", "pipeline_id", "1"));
        String mine = buyer(c, "Olena", PHONE, "b1");
        String other = buyer(c, "Petro", "+380501112233", "b2");
        String myCard = Await.result(c.apply(new CreateDeal(new RecordRef.Created(0), fields().put("title", "mine"), null, false),
                new EffectContext("c1", "lead", Map.of(0, mine), null))).crmId();
        Await.result(c.apply(new CreateDeal(new RecordRef.Created(0), fields().put("title", "theirs"), null, false),
                new EffectContext("c2", "lead", Map.of(0, other), null)));
        Found found = Await.result(c.find(withDeals()));
        assertEquals(List.of(myCard), found.deals().stream().map(FoundDeal::id).toList(), "cards, and only the buyer's");
        assertTrue(requests("GET", "/v1/order").isEmpty(), "funnel mode reads no orders");
    }

    @Test
    void funnelMode_updatesTheCardWithPutPipelinesCards_notPutOrder() {
        CrmConnector c = connector(Map.of("mode", "funnels", "pipeline_id", "1"));
        String card = Await.result(c.apply(new CreateDeal(null, fields().put("title", "before"), null, false), ctx("c1"))).crmId();
        EffectResult r = Await.result(c.apply(new UpdateDeal(card, fields().put("title", "after"), false), ctx("u1")));
        assertEquals(card, r.crmId());
        assertEquals("after", emulator.data().card(Long.parseLong(card)).orElseThrow().getString("title"));
        assertEquals(1, requests("PUT", "/v1/pipelines/cards/").size());
        assertTrue(requests("PUT", "/v1/order").isEmpty());
    }

    @Test
    void cardRecovery_readsEveryPageOfTheRecentCards_whateverTheListOrder() {
        emulator.mode(EmulatorMode.PESSIMISTIC); // newest first: the card just made is on page 1, not among the last pages
        CrmConnector c = connector(Map.of("mode", "funnels", "pipeline_id", "1"));
        for (int i = 0; i < 170; i++) {
            emulator.data().putCard(new JsonObject().put("title", "old " + i).put("pipeline_id", 1).put("status_id", 1)
                    .put("manager_comment", "seeded").put("contact", new JsonObject()));
        }
        emulator.faults().apply(new JsonObject().put("commitThenDrop", 1));
        CreateDeal deal = new CreateDeal(null, fields().put("title", "maybe"), null, false);
        EffectContext ctx = ctx("k1");
        Await.failure(c.apply(deal, ctx), InDoubtException.class);
        Optional<EffectResult> found = Await.result(c.reconcile(deal, ctx));
        assertEquals("maybe", emulator.data().card(Long.parseLong(found.orElseThrow().crmId())).orElseThrow().getString("title"));
        JsonObject listed = requests("GET", "/v1/pipelines/cards").get(0);
        assertNotNull(listed.getJsonObject("query").getString("filter[created_between]"), listed.encode());
    }
}
