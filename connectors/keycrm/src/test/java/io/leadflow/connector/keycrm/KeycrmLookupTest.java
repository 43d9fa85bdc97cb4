package io.leadflow.connector.keycrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorAdmin;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KeyCRM lookups: the key order, other buyers' orders, the L4 marker. */
class KeycrmLookupTest extends KeycrmTestBed {

    @Test
    void phoneMisses_emailDecides_inTwoCalls() {
        emulator.data().putBuyer(new JsonObject().put("full_name", "Olena").put("phone", new JsonArray())
                .put("email", new JsonArray().add("o@example.com")));
        Found found = Await.result(connector().find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE),
                new LookupKey(LookupKey.Kind.EMAIL, "o@example.com")), false, null)));
        assertEquals("Olena", found.contact().orElseThrow().fields().get("full_name").asText());
        assertEquals(2, calls());
        assertEquals("o@example.com", requests("GET", "/v1/buyer").get(1).getJsonObject("query").getString("filter[buyer_email]"));
    }

    @Test
    void deals_areOnlyTheFoundBuyersOrders_andCarryTheMarker() {
        EmulatorAdmin admin = new EmulatorAdmin(vertx, emulator);
        JsonObject ids = admin.seed(new JsonObject()
                .put("contacts", new JsonArray()
                        .add(new JsonObject().put("ref", "old").put("name", "A").put("phone", PHONE).put("createdAt", "2026-01-01T00:00:00Z"))
                        .add(new JsonObject().put("ref", "new").put("name", "B").put("phone", "067 123 45 67").put("createdAt", "2026-02-01T00:00:00Z")))
                .put("deals", new JsonArray()
                        .add(new JsonObject().put("ref", "theirs").put("contact", "old").put("group", "open").put("createdAt", "2026-03-01T00:00:00Z"))
                        .add(new JsonObject().put("ref", "marked").put("contact", "new").put("group", "open")
                                .put("createdAt", "2026-02-02T00:00:00Z").put("fields", new JsonObject().put("deal_cf_1040", "lead-7")))
                        .add(new JsonObject().put("ref", "plain").put("contact", "new").put("group", "open").put("createdAt", "2026-02-03T00:00:00Z"))));
        Found found = Await.result(connector().find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE)), true, "deal_cf_1040")));
        JsonObject deals = ids.getJsonObject("deals");
        assertEquals(ids.getJsonObject("contacts").getString("new"), found.contact().orElseThrow().id());
        assertEquals(List.of(deals.getString("plain"), deals.getString("marked")), found.deals().stream().map(FoundDeal::id).toList());
        assertFalse(found.deals().get(0).marked());
        assertTrue(found.deals().get(1).marked());
        assertEquals(deals.getString("plain"), found.newestDeal().orElseThrow().id());
    }

    @Test
    void updateWithMark_setsTheMarker_soTheNextLookupSeesIt() {
        EmulatorAdmin admin = new EmulatorAdmin(vertx, emulator);
        JsonObject ids = admin.seed(new JsonObject()
                .put("contacts", new JsonArray().add(new JsonObject().put("ref", "c").put("name", "A").put("phone", PHONE)))
                .put("deals", new JsonArray().add(new JsonObject().put("ref", "d").put("contact", "c").put("group", "open"))));
        String deal = ids.getJsonObject("deals").getString("d");
        CrmConnector c = connector();
        LookupRequest find = new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE)), true, "deal_cf_OR_1040");
        assertFalse(Await.result(c.find(find)).deals().get(0).marked());
        Await.result(c.apply(new UpdateDeal(deal, fields().put("manager_comment", "called"), true),
                new io.leadflow.connector.EffectContext("k1", "lead-42", java.util.Map.of(), "deal_cf_OR_1040")));
        FoundDeal after = Await.result(c.find(find)).deals().get(0);
        assertTrue(after.marked());
        assertEquals("lead-42", after.fields().get("deal_cf_OR_1040").asText());
        assertEquals("called", after.fields().get("manager_comment").asText());
    }
}
