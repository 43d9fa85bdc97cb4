package io.leadflow.connector.mindbox.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The Mindbox emulator's records survive a restart (serve's data folder): a transaction begun
 * before it is committed after it from the kept request, exactly once; a customer registered
 * after it gets a new Mindbox id; a single-use promo code used before stays used.
 */
class MindboxRecordsTest {

    private static JsonObject order(String tx) {
        return new JsonObject().put("order", new JsonObject().put("ids", new JsonObject().put("retailCRMId", "41"))
                .put("transaction", new JsonObject().put("ids", new JsonObject().put("externalId", tx)))
                .put("coupons", new JsonArray().add(new JsonObject().put("ids", new JsonObject().put("code", "ONCE100"))))
                .put("lines", new JsonArray().add(new JsonObject().put("basePricePerItem", 450).put("quantity", 2)
                        .put("product", new JsonObject().put("ids", new JsonObject().put("website", "TSH-42"))))));
    }

    @Test
    void aTransactionBegunBeforeARestart_isCommittedOnceAfterIt_andIdsContinue() {
        MindboxData before = new MindboxData();
        before.process(Kind.CUSTOMER_REGISTER, new JsonObject().put("customer", new JsonObject().put("email", "olga@example.com")
                .put("ids", new JsonObject().put("retailCRMId", "7"))), false);
        assertEquals("Success", before.process(Kind.ORDER_BEGIN, order("41-1"), false).body().getString("status"));
        JsonObject file = new JsonObject(before.persisted().encode());

        MindboxData after = new MindboxData();
        after.restore(file);
        assertEquals(before.snapshot(), after.snapshot(), "the same records after the restart");
        assertEquals("Success", after.process(Kind.ORDER_COMMIT, order("41-1"), false).body().getString("status"));
        assertEquals("TransactionAlreadyProcessed", after.process(Kind.ORDER_COMMIT, order("41-1"), false).body().getString("status"));
        JsonObject tx = after.snapshot().getJsonArray("transactions").getJsonObject(0);
        assertEquals("committed", tx.getString("state"));
        assertEquals(1, tx.getInteger("commits"));
        assertEquals(true, after.snapshot().getJsonObject("couponsUsed").getBoolean("ONCE100"), "used at the commit");

        after.process(Kind.CUSTOMER_REGISTER, new JsonObject().put("customer", new JsonObject().put("email", "ivan@example.com")
                .put("ids", new JsonObject().put("retailCRMId", "8"))), false);
        JsonArray customers = after.snapshot().getJsonArray("customers");
        assertEquals(2, customers.size());
        assertNotEquals(customers.getJsonObject(0).getJsonObject("ids").getValue("mindboxId"),
                customers.getJsonObject(1).getJsonObject("ids").getValue("mindboxId"));
    }
}
