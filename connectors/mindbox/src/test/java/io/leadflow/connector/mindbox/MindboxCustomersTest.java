package io.leadflow.connector.mindbox;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.emulator.EmulatorMode;
import io.leadflow.connector.emulator.ReceivedRequest;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.error.InDoubtException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Customers: get existing, then import or edit; the wire format; settings refused before any call. */
class MindboxCustomersTest extends MindboxTestBed {

    static CreateContact customer(String id, String email) {
        ObjectNode f = object().put("retailcrm_id", id).put("first_name", "Olena").put("email", email).put("phone", "+79001234567")
                .put("contact_cf_city", "Kazan");
        return new CreateContact(f, null);
    }

    @Test
    void createdThenEdited_isOneMindboxCustomer() {
        String first = Await.result(connector.apply(customer("7", "a@example.com"), ctx())).crmId();
        String second = Await.result(connector.apply(customer("7", "b@example.com"), ctx())).crmId();
        assertEquals(first, second);
        var customers = records().getJsonArray("customers");
        assertEquals(1, customers.size());
        JsonObject c = customers.getJsonObject(0);
        assertEquals("b@example.com", c.getString("email"));
        assertEquals("79001234567", c.getString("mobilePhone"));
        assertEquals("Kazan", c.getJsonObject("customFields").getString("city"));
        JsonObject calls = mindbox.counters().toJson();
        assertEquals(1L, calls.getLong("POST sync Website.RegisterCustomer"));
        assertEquals(1L, calls.getLong("POST sync Website.EditCustomer"));
    }

    @Test
    void importOnly_importsAMissingCustomer_andLeavesAFoundOneAsSheIs() {
        ObjectNode first = (ObjectNode) customer("13", "a@example.com").fields();
        first.put("import_only", true);
        String imported = Await.result(connector.apply(new CreateContact(first, null), ctx())).crmId();
        ObjectNode again = (ObjectNode) customer("13", "other@example.com").fields();
        again.put("import_only", true);
        String found = Await.result(connector.apply(new CreateContact(again, null), ctx())).crmId();
        assertEquals(imported, found);
        var customers = records().getJsonArray("customers");
        assertEquals(1, customers.size());
        assertEquals("a@example.com", customers.getJsonObject(0).getString("email"), "a found customer is not edited");
        JsonObject calls = mindbox.counters().toJson();
        assertEquals(1L, calls.getLong("POST sync Website.RegisterCustomer"));
        assertNull(calls.getLong("POST sync Website.EditCustomer"));
        assertEquals(2L, calls.getLong("POST sync Website.GetCustomerInfo"));
    }

    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void aLostImportAnswer_isInDoubt_andTheResendEditsInsteadOfImportingTwice(EmulatorMode mode) {
        mindbox.mode(mode);
        mindbox.operationFault("Website.RegisterCustomer", 1, 0, 503);
        CreateContact c = customer("8", "a@example.com");
        EffectContext ctx = ctx();
        Await.failure(connector.apply(c, ctx), InDoubtException.class);
        String id = Await.result(untilDone(connector, c, ctx, Duration.ofSeconds(30), true)).crmId();
        assertEquals(1, records().getJsonArray("customers").size());
        assertEquals(id, String.valueOf(records().getJsonArray("customers").getJsonObject(0).getJsonObject("ids").getValue("mindboxId")));
    }

    @Test
    void confirmPhone_andSubscription() {
        ObjectNode f = (ObjectNode) customer("9", "a@example.com").fields();
        f.put("confirm_phone", true).put("subscribe", true);
        CrmConnector subscribing = connector(Map.of("subscription_brand", "shop", "subscription_topic", "news"));
        try {
            Await.result(subscribing.apply(new CreateContact(f, null), ctx()));
        } finally {
            Await.result(subscribing.close());
        }
        JsonObject c = records().getJsonArray("customers").getJsonObject(0);
        assertTrue(c.getBoolean("isMobilePhoneConfirmed"));
        JsonObject sub = c.getJsonArray("subscriptions").getJsonObject(0);
        assertEquals(new JsonObject().put("brand", "shop").put("pointOfContact", "Email").put("topic", "news").put("isSubscribed", true), sub);
    }

    @Test
    void wireFormat_pathQueryHeadersBody() {
        Await.result(connector.apply(customer("10", "a@example.com"), ctx()));
        ReceivedRequest get = mindbox.lastReceived("POST sync Website.GetCustomerInfo");
        assertEquals("/v3/operations/sync?endpointId=leadflow-sandbox&operation=Website.GetCustomerInfo", get.uri());
        assertEquals("SecretKey mindbox-test-secret", get.headers().get("Authorization"));
        assertEquals("application/json", get.headers().get("Accept"));
        assertEquals(new JsonObject().put("customer", new JsonObject().put("ids", new JsonObject().put("retailCRMId", "10"))),
                new JsonObject(get.body()));
        CrmConnector legacy = connector(Map.of("auth", "legacy", "device_uuid", "d-1", "customer_id", "crmId"));
        try {
            Await.result(legacy.apply(customer("11", "a@example.com"), ctx()));
        } finally {
            Await.result(legacy.close());
        }
        ReceivedRequest old = mindbox.lastReceived("POST sync Website.GetCustomerInfo");
        assertEquals("Mindbox secretKey=\"mindbox-test-secret\"", old.headers().get("Authorization"));
        assertTrue(old.uri().endsWith("&deviceUUID=d-1"), old.uri());
        assertTrue(old.body().contains("\"crmId\":\"11\""), old.body());
    }

    @Test
    void configuredOperationNames_areUsed() {
        mindbox.data().setup(new JsonObject().put("operations", new JsonObject().put("Shop.Find", "CUSTOMER_GET").put("Shop.Import", "CUSTOMER_REGISTER")));
        CrmConnector shop = connector(Map.of("op_customer_get", "Shop.Find", "op_customer_import", "Shop.Import"));
        try {
            Await.result(shop.apply(customer("12", "a@example.com"), ctx()));
        } finally {
            Await.result(shop.close());
        }
        assertEquals(1L, mindbox.counters().toJson().getLong("POST sync Shop.Import"));
    }

    @Test
    void settingsMistakes_failWhenTheConnectorIsMade() {
        AccountConfig base = mindbox.account("main");
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> new MindboxFactory().create(vertx,
                new AccountConfig("mindbox", "main", base.baseUrl(), base.secrets(), Map.of("endpoint_id", "x", "op_order_comit", "Y"))));
        assertTrue(typo.getMessage().contains("did you mean 'op_order_commit'"), typo.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new MindboxFactory().create(vertx,
                new AccountConfig("mindbox", "main", base.baseUrl(), base.secrets(), Map.of())));
        assertTrue(none.getMessage().contains("endpoint_id is required"), none.getMessage());
    }
}
