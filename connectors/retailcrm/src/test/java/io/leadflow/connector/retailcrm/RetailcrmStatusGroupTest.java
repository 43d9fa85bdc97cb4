package io.leadflow.connector.retailcrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.contract.Await;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.leadflow.spi.record.StatusGroup;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 002 / L4 against the emulator: newest customer, newest order, its group, the marker. */
class RetailcrmStatusGroupTest extends RetailcrmTestBed {
    private static final String MARKER = "deal_cf_ct_site_id";

    private long customer(String name, String phone, String email, String createdAt) {
        JsonObject c = new JsonObject().put("firstName", name).put("email", email).put("createdAt", createdAt)
                .put("phones", phone == null ? new JsonArray() : new JsonArray().add(new JsonObject().put("number", phone)));
        return emulator.data().putCustomer(c).getLong("id");
    }

    private long order(long customer, String status, String createdAt, JsonObject customFields) {
        return emulator.data().putOrder(new JsonObject().put("site", "shop1").put("status", status).put("createdAt", createdAt)
                .put("customer", new JsonObject().put("id", customer)).put("customFields", customFields)).getLong("id");
    }

    private Found find(CrmConnector c) {
        return Await.result(c.find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE),
                new LookupKey(LookupKey.Kind.EMAIL, "o@example.com")), true, MARKER)));
    }

    @Test
    void statusesMapToGroups_byTheReferenceDictionaries() {
        long c = customer("Olena", "067 123 45 67", null, "2026-01-01 10:00:00");
        customer("Olena", "8 (067) 123-45-67", null, "2026-01-02 10:00:00");
        order(c, "delivered-paid", "2026-02-01 10:00:00", new JsonObject());
        order(c, "no-call", "2026-02-02 10:00:00", new JsonObject());
        long open = order(c, "send-to-delivery", "2026-02-03 10:00:00", new JsonObject());
        Found found = find(connector());
        assertEquals(String.valueOf(c), found.contact().orElseThrow().id(), "the stored 8-prefixed number is not the same number");
        assertEquals(List.of(StatusGroup.COMPLETED, StatusGroup.CANCELLED, StatusGroup.OPEN),
                found.deals().stream().map(FoundDeal::group).toList());
        assertEquals(String.valueOf(open), found.newestDeal().orElseThrow().id());
    }

    @Test
    void newestOrderIsPickedByCreationDate_notByListOrder() {
        long c = customer("Olena", PHONE, null, "2026-01-01 10:00:00");
        long newest = order(c, "new", "2026-03-01 10:00:00", new JsonObject());
        order(c, "complete", "2026-02-01 10:00:00", new JsonObject());
        assertEquals(String.valueOf(newest), find(connector()).newestDeal().orElseThrow().id());
    }

    @Test
    void phoneMisses_emailFindsTheCustomer() {
        long c = customer("Olena", null, "O@Example.com", "2026-01-01 10:00:00");
        customer("Other", null, "xo@example.com", "2026-01-02 10:00:00");
        assertEquals(String.valueOf(c), find(connector()).contact().orElseThrow().id(), "partial email matches are re-checked");
    }

    @Test
    void openUnmarkedOrder_isUpdatedOnce_thenReadsAsMarked() {
        long c = customer("Olena", PHONE, null, "2026-01-01 10:00:00");
        long o = order(c, "new", "2026-02-01 10:00:00", new JsonObject());
        CrmConnector connector = connector();
        FoundDeal before = find(connector).newestDeal().orElseThrow();
        assertTrue(before.open());
        assertFalse(before.marked());
        Await.result(connector.apply(new UpdateDeal(String.valueOf(o), fields().put("deal_cf_ct_call_id", "C-1"), true),
                ctx("k1", MARKER, Map.of())));
        FoundDeal after = find(connector).newestDeal().orElseThrow();
        assertTrue(after.marked());
        assertEquals("lead-k1", after.fields().get(MARKER).asText());
        assertEquals("C-1", after.fields().get("deal_cf_ct_call_id").asText());
    }

    @Test
    void referenceDataIsFetchedOnce_forManyLookups() {
        long c = customer("Olena", PHONE, null, "2026-01-01 10:00:00");
        order(c, "new", "2026-02-01 10:00:00", new JsonObject());
        CrmConnector connector = connector();
        for (int i = 0; i < 3; i++) find(connector);
        assertEquals(1, emulator.counters().get("GET /api/v5/reference/statuses"));
        assertEquals(1, emulator.counters().get("GET /api/v5/reference/status-groups"));
        assertEquals(3, emulator.counters().get("GET /api/v5/orders"));
    }
}
