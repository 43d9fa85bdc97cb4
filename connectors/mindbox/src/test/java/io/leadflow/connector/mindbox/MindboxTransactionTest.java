package io.leadflow.connector.mindbox;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.emulator.EmulatorMode;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Begin + commit through outages: committed exactly once, or rolled back, never both (issue 12). */
class MindboxTransactionTest extends MindboxTestBed {
    static final String BEGIN = "POST sync Website.BeginAuthorizedOrderTransaction";
    static final String COMMIT = "POST sync Website.CommitOrderTransaction";

    static CreateDeal order(String step, String orderId, double price) {
        ObjectNode f = object().put("step", step).put("order_id", orderId).put("customer_id", "7");
        f.putArray("products").addObject().put("product_id", "TSH-42").put("price", price).put("quantity", 2);
        return new CreateDeal(null, f, null, false);
    }

    private JsonObject onlyTransaction() {
        JsonArray tx = records().getJsonArray("transactions");
        assertEquals(1, tx.size(), tx.encode());
        return tx.getJsonObject(0);
    }

    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void outage_thenLostCommitAnswer_committedExactlyOnce(EmulatorMode mode) {
        mindbox.mode(mode);
        mindbox.faults().apply(new JsonObject().put("downForSeconds", 3).put("status", 503));
        mindbox.operationFault("Website.CommitOrderTransaction", 1, 0, 503);
        EffectResult r = Await.result(untilDone(connector, order("commit", "501", 450), ctx(), Duration.ofSeconds(60)));
        assertEquals("501", r.crmId());
        JsonObject tx = onlyTransaction();
        assertEquals("committed", tx.getString("state"));
        assertEquals(1, tx.getInteger("commits"));
        assertEquals(0, tx.getInteger("rollbacks"));
        assertEquals(1, records().getJsonArray("orders").size());
        assertTrue(mindbox.counters().toJson().getLong(COMMIT) >= 2, "the lost commit was asked again: " + mindbox.counters().toJson());
    }

    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void mindboxDownBetweenBeginAndCommit_isInDoubt_thenCommittedOnce_neverBegunAgain(EmulatorMode mode) {
        mindbox.mode(mode);
        mindbox.operationFault("Website.CommitOrderTransaction", 0, 3, 503);
        CreateDeal deal = order("commit", "502", 450);
        EffectContext ctx = ctx();
        Await.failure(connector.apply(deal, ctx), InDoubtException.class);
        Await.result(untilDone(connector, deal, ctx, Duration.ofSeconds(60), true));
        assertEquals(1, onlyTransaction().getInteger("commits"));
        assertEquals(1L, mindbox.counters().toJson().getLong(BEGIN));
    }

    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void crashAfterBegin_aNewProcessResumesTheSameTransaction(EmulatorMode mode) {
        mindbox.mode(mode);
        mindbox.operationFault("Website.BeginAuthorizedOrderTransaction", 1, 0, 503);
        CreateDeal deal = order("commit", "503", 450);
        EffectContext ctx = ctx();
        Await.failure(connector.apply(deal, ctx), InDoubtException.class);
        CrmConnector restarted = connector(Map.of());
        try {
            assertTrue(Await.result(restarted.reconcile(deal, ctx)).isPresent(), "the open transaction is committed by the reconcile");
            assertTrue(Await.result(restarted.reconcile(deal, ctx)).isPresent(), "and found committed again");
            assertTrue(Await.result(restarted.apply(deal, ctx)) != null, "a resend counts TransactionAlreadyProcessed as done");
        } finally {
            Await.result(restarted.close());
        }
        JsonObject tx = onlyTransaction();
        assertEquals("committed", tx.getString("state"));
        assertEquals(1, tx.getInteger("commits"));
        assertEquals(0, tx.getInteger("rollbacks"));
    }

    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void priceHasBeenChanged_isRolledBack_neverCommitted_evenWhenTheRollbackAnswerIsLost(EmulatorMode mode) {
        mindbox.mode(mode);
        mindbox.data().setup(new JsonObject().put("products", new JsonObject().put("SHOE-9", 500))); // reference data: kept across resets
        mindbox.operationFault("Website.RollbackOrderTransaction", 1, 0, 503);
        CreateDeal deal = order("commit", "504", 450);
        ((ObjectNode) deal.fields().get("products").get(0)).put("product_id", "SHOE-9");
        EffectContext ctx = ctx();
        Await.failure(connector.apply(deal, ctx), InDoubtException.class);
        Throwable end = Await.failure(untilDone(connector, deal, ctx, Duration.ofSeconds(30), true));
        assertInstanceOf(PermanentException.class, end);
        assertTrue(end.getMessage().contains("PriceHasBeenChanged"), end.getMessage());
        JsonObject tx = onlyTransaction();
        assertEquals("rolledBack", tx.getString("state"));
        assertEquals(0, tx.getInteger("commits"));
        assertEquals(1, tx.getInteger("rollbacks"));
        assertEquals(0, records().getJsonArray("orders").size());
    }

    @Test
    void eachLeadIsItsOwnTransaction() {
        Await.result(connector.apply(order("commit", "505", 450), ctx()));
        Await.result(connector.apply(order("commit", "505", 450), ctx()));
        assertEquals(2, records().getLong("commits"));
        assertEquals(2, records().getJsonArray("transactions").size());
    }

    @Test
    void reconcileOfAnotherKey_makesNothing() {
        Await.result(connector.apply(order("commit", "506", 450), ctx()));
        assertTrue(Await.result(connector.reconcile(order("commit", "506", 450), ctx())).isEmpty());
        assertEquals(1, records().getLong("commits"));
    }

    @Test
    void bonusPointsAreWrittenOff_andASingleUseCodeIsUsed_atCommit() {
        mindbox.data().setup(new JsonObject().put("customers", new JsonArray().add(new JsonObject()
                .put("ids", new JsonObject().put("retailCRMId", "7")).put("bonus", 300))));
        CreateDeal deal = order("commit", "507", 450);
        ((ObjectNode) deal.fields()).put("bonus_points", 100).put("promo_code", "ONCE100");
        Await.result(connector.apply(deal, ctx()));
        JsonObject customer = records().getJsonArray("customers").getJsonObject(0);
        assertEquals(200.0, customer.getDouble("bonus"));
        assertTrue(records().getJsonObject("couponsUsed").getBoolean("ONCE100"));
        JsonObject saved = records().getJsonArray("orders").getJsonObject(0);
        assertEquals(100, saved.getJsonArray("bonusPoints").getJsonObject(0).getInteger("amount"));
    }

    @Test
    void commitWithDiscount_passesTheRetailcrmDiscount_andNeedsItsDiscountId() {
        CreateDeal missing = order("commit_with_discount", "508", 450);
        ((ObjectNode) missing.fields()).put("discount", 50);
        PermanentException e = Await.failure(connector.apply(missing, ctx()), PermanentException.class);
        assertEquals("discount_id", e.field());
        assertEquals(0, mindbox.counters().toJson().size(), "refused before any call: " + mindbox.counters().toJson());
        ((ObjectNode) missing.fields()).put("discount_id", "retailcrm-discount");
        Await.result(connector.apply(missing, ctx()));
        JsonObject discount = records().getJsonArray("orders").getJsonObject(0).getJsonArray("discounts").getJsonObject(0);
        assertEquals("externalPromoAction", discount.getString("type"));
        assertEquals("retailcrm-discount", discount.getJsonObject("externalPromoAction").getJsonObject("ids").getString("externalId"));
        assertEquals(50, discount.getInteger("amount"));
    }

    @Test
    void aPlainCommitDoesNotPassTheDiscount() {
        CreateDeal deal = order("commit", "509", 450);
        ((ObjectNode) deal.fields()).put("discount", 50).put("discount_id", "retailcrm-discount");
        Await.result(connector.apply(deal, ctx()));
        assertNull(records().getJsonArray("orders").getJsonObject(0).getValue("discounts"));
    }

    @Test
    void itemStatuses_updateTheSavedOrdersLines() {
        Await.result(connector.apply(order("commit", "510", 450), ctx()));
        CreateDeal statuses = order("item_statuses", "510", 450);
        ((ObjectNode) statuses.fields().get("products").get(0)).put("status", "Delivered");
        Await.result(connector.apply(statuses, ctx()));
        JsonObject line = records().getJsonArray("orders").getJsonObject(0).getJsonArray("lines").getJsonObject(0);
        assertEquals("Delivered", line.getJsonObject("status").getJsonObject("ids").getString("externalId"));
        PermanentException e = Await.failure(connector.apply(order("item_statuses", "999", 450), ctx()), PermanentException.class);
        assertTrue(e.getMessage().contains("Order not found"), e.getMessage());
    }
}
