package io.leadflow.connector.mindbox;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.contract.Await;
import io.leadflow.spi.effect.CreateDeal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calculation's promo discount, applied code and bonus balance land in the RetailCRM order's custom fields (seed 004). */
class MindboxCalculateTest extends MindboxTestBed {

    private String retailcrmOrder() {
        ObjectNode order = object().put("firstName", "Olena").put("phone", "+380671234567").put("managerComment", "from the shop");
        return Await.result(crm.apply(new CreateDeal(null, order, null, false), ctx())).crmId();
    }

    private CreateDeal calculate(String orderId, String promo) {
        CreateDeal d = MindboxTransactionTest.order("calculate", orderId, 450);
        ObjectNode f = (ObjectNode) d.fields();
        if (promo != null) f.put("promo_code", promo);
        f.put("retailcrm_discount_field", "mindbox_discount").put("retailcrm_promo_field", "mindbox_promo").put("retailcrm_bonus_field", "mindbox_bonus");
        return d;
    }

    private JsonObject retailcrmFields(String id) {
        for (Object o : retailcrm.data().snapshot().getJsonArray("orders", new JsonArray())) {
            JsonObject order = (JsonObject) o;
            if (id.equals(String.valueOf(order.getValue("id")))) return order.getJsonObject("customFields", new JsonObject());
        }
        throw new AssertionError("no RetailCRM order " + id);
    }

    @Test
    void aUsablePromoCode_andTheBonusBalance_areWrittenIntoTheOrder() {
        mindbox.data().setup(new JsonObject().put("customers", new JsonArray().add(new JsonObject()
                .put("ids", new JsonObject().put("retailCRMId", "7")).put("bonus", 300))));
        String id = retailcrmOrder();
        Await.result(connector.apply(calculate(id, "SPRING10"), ctx()));
        JsonObject cf = retailcrmFields(id);
        assertEquals(90, ((Number) cf.getValue("mindbox_discount")).intValue(), cf.encode());
        assertEquals("SPRING10", cf.getValue("mindbox_promo"));
        assertEquals(300, ((Number) cf.getValue("mindbox_bonus")).intValue());
        assertEquals(1, records().getLong("calculations"));
        assertEquals(0, records().getLong("commits"), "a calculation commits nothing");
    }

    @Test
    void anUnknownCode_writesNoCodeAndNoDiscount() {
        String id = retailcrmOrder();
        Await.result(connector.apply(calculate(id, "NOPE"), ctx()));
        JsonObject cf = retailcrmFields(id);
        assertEquals(0, ((Number) cf.getValue("mindbox_discount")).intValue());
        assertEquals("", cf.getValue("mindbox_promo"));
    }

    @Test
    void aMissingRetailcrmAccount_failsBeforeAnyMindboxCall() {
        var lonely = connector(Map.of("retailcrm_account", "other"));
        try {
            Throwable e = Await.failure(lonely.apply(calculate("1", "SPRING10"), ctx()));
            assertTrue(e.getMessage().contains("retailcrm/other"), e.getMessage());
            assertEquals(0, mindbox.counters().toJson().size(), mindbox.counters().toJson().encode());
        } finally {
            Await.result(lonely.close());
        }
    }

    @Test
    void writeBackWithoutARetailcrmAccountSetting_isRefusedBeforeAnyCall_andTheFactoryNamesThePeer() {
        var none = connector(Map.of("retailcrm_account", ""));
        try {
            var e = Await.failure(none.apply(calculate("1", "SPRING10"), ctx()), io.leadflow.spi.error.PermanentException.class);
            assertTrue(e.getMessage().contains("retailcrm_account"), e.getMessage());
            assertEquals(0, mindbox.counters().toJson().size());
        } finally {
            Await.result(none.close());
        }
        var withPeer = new io.leadflow.connector.AccountConfig("mindbox", "main", "http://x", Map.of("api_key", "k"),
                Map.of("endpoint_id", "e", "retailcrm_account", "shop"));
        assertEquals(java.util.List.of(new io.leadflow.connector.ConnectorFactory.PeerAccount("retailcrm", "shop")), new MindboxFactory().peers(withPeer));
        assertEquals(java.util.List.of(), new MindboxFactory().peers(new io.leadflow.connector.AccountConfig("mindbox", "main", "http://x",
                Map.of("api_key", "k"), Map.of("endpoint_id", "e"))));
    }

    @Test
    void withoutWriteBackFields_onlyMindboxIsAsked() {
        Await.result(connector.apply(MindboxTransactionTest.order("calculate", "77", 450), ctx()));
        assertEquals(1, records().getLong("calculations"));
        assertEquals(0, retailcrm.counters().toJson().size());
    }
}
