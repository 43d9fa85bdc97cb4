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

    /** A RetailCRM order with two items: a cap (id 1, with its own size property) and a service (id 2). */
    private String retailcrmOrderWithItems() {
        ObjectNode order = object().put("firstName", "Olena");
        var items = order.putArray("products");
        ObjectNode shirt = items.addObject().put("id", 1).put("offer_externalId", "CAP-7").put("initialPrice", 450).put("quantity", 2);
        shirt.putArray("properties").addObject().put("code", "size").put("name", "Size").put("value", "M");
        items.addObject().put("id", 2).put("offer_externalId", "INSURANCE").put("initialPrice", 150).put("quantity", 1);
        return Await.result(crm.apply(new CreateDeal(null, order, null, false), ctx())).crmId();
    }

    private JsonArray retailcrmItems(String id) {
        for (Object o : retailcrm.data().snapshot().getJsonArray("orders", new JsonArray())) {
            JsonObject order = (JsonObject) o;
            if (id.equals(String.valueOf(order.getValue("id")))) return order.getJsonArray("items", new JsonArray());
        }
        throw new AssertionError("no RetailCRM order " + id);
    }

    private static CreateDeal withItems(String orderId) {
        ObjectNode f = object().put("step", "calculate").put("order_id", orderId).put("customer_id", "7")
                .put("retailcrm_price_property", "mindbox_price").put("retailcrm_price_property_name", "Mindbox price");
        var lines = f.putArray("products");
        ObjectNode shirt = lines.addObject().put("product_id", "CAP-7").put("price", 450).put("quantity", 2).put("line_id", "1");
        shirt.putArray("retailcrm_properties").addObject().put("code", "size").put("name", "Size").put("value", "M");
        lines.addObject().put("product_id", "INSURANCE").put("price", 150).put("quantity", 1).put("line_id", "2").put("service", true);
        return new CreateDeal(null, f, null, false);
    }

    @Test
    void theSalePrice_goesIntoTheItemProperty_besideItsOwn_andAServiceGetsNone() {
        mindbox.data().setup(new JsonObject().put("products", new JsonObject().put("CAP-7", 405)));
        String id = retailcrmOrderWithItems();
        Await.result(connector.apply(withItems(id), ctx()));
        JsonArray items = retailcrmItems(id);
        assertEquals(2, items.size(), items.encode());
        JsonObject shirt = items.getJsonObject(0);
        assertEquals(450, ((Number) shirt.getValue("initialPrice")).intValue(), "the item's price is not changed: " + shirt.encode());
        assertEquals(new JsonArray().add(new JsonObject().put("code", "size").put("name", "Size").put("value", "M"))
                .add(new JsonObject().put("code", "mindbox_price").put("name", "Mindbox price").put("value", "405")),
                shirt.getJsonArray("properties"), shirt.encode());
        JsonObject service = items.getJsonObject(1);
        assertNull(service.getValue("properties"), "a service item's recalculation is not passed back: " + service.encode());
        assertEquals(150, ((Number) service.getValue("initialPrice")).intValue());
        // the service went to Mindbox as its price in units
        JsonObject sent = new JsonObject(mindbox.lastReceived("POST sync Website.CalculateAuthorizedCart").body());
        JsonObject line = sent.getJsonObject("order").getJsonArray("lines").getJsonObject(1);
        assertEquals(150.0, ((Number) line.getValue("quantity")).doubleValue(), line.encode());
        assertEquals(1, ((Number) line.getValue("basePricePerItem")).intValue(), line.encode());
    }

    @Test
    void aSalePriceWithoutItemIds_isRefusedBeforeAnyCall() {
        CreateDeal d = withItems("1");
        ((ObjectNode) d.fields().get("products").get(0)).remove("line_id");
        var e = Await.failure(connector.apply(d, ctx()), io.leadflow.spi.error.PermanentException.class);
        assertTrue(e.getMessage().contains("line_id"), e.getMessage());
        assertEquals(0, mindbox.counters().toJson().size());
    }

    @Test
    void withoutWriteBackFields_onlyMindboxIsAsked() {
        Await.result(connector.apply(MindboxTransactionTest.order("calculate", "77", 450), ctx()));
        assertEquals(1, records().getLong("calculations"));
        assertEquals(0, retailcrm.counters().toJson().size());
    }
}
