package io.leadflow.connector.retailcrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.IdempotencyToken;
import io.leadflow.connector.contract.Await;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.error.InDoubtException;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What Leadflow must not take from RetailCRM's shop plugins: a customer's {@code externalId} (it
 * stays theirs; an in-doubt customer is found by phone or email), and another store's records
 * (an order's token is looked up in the account's own store only).
 */
class RetailcrmOwnershipTest extends RetailcrmTestBed {

    @Test
    void customerCreate_leavesExternalIdToTheShopPlugins_andReconcilesByPhone() {
        CreateContact contact = new CreateContact(fields().put("firstName", "Olena").put("phone", PHONE), null);
        EffectContext ctx = ctx("k1", null, Map.of());
        emulator.faults().apply(new JsonObject().put("commitThenDrop", 1));
        Await.failure(connector().apply(contact, ctx), InDoubtException.class);
        JsonObject stored = emulator.data().customers(c -> true).get(0);
        assertNull(stored.getValue("externalId"), "no token in the externalId shop plugins own: " + stored.encode());
        Optional<EffectResult> found = Await.result(connector().reconcile(contact, ctx));
        assertEquals(String.valueOf(stored.getValue("id")), found.orElseThrow().crmId());
    }

    @Test
    void orderReconcile_looksInTheAccountsStoreOnly() {
        CreateDeal deal = new CreateDeal(null, fields().put("firstName", "Olena"), null, false);
        EffectContext ctx = ctx("k1", null, Map.of());
        emulator.data().putOrder(new JsonObject().put("site", "shop2").put("externalId", IdempotencyToken.of("k1"))
                .put("status", "new").put("createdAt", "2026-01-01 10:00:00"));
        assertEquals(Optional.empty(), Await.result(connector().reconcile(deal, ctx)), "shop2's order is not shop1's lead");
        assertTrue(requests("GET", "/api/v5/orders").get(0).getJsonObject("query").containsKey("filter[sites][]"));
        emulator.faults().apply(new JsonObject().put("commitThenDrop", 1));
        Await.failure(connector().apply(deal, ctx), InDoubtException.class);
        String made = Await.result(connector().reconcile(deal, ctx)).orElseThrow().crmId();
        assertEquals("shop1", emulator.data().orders(o -> String.valueOf(o.getValue("id")).equals(made)).get(0).getString("site"));
    }
}
