package io.leadflow.connector.retailcrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.source.PullBatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code retailcrm.orders_history(whole_order: true)}: an edit entry carries only the order's ids
 * and the changed field; with the option each entry's order is the whole current order from
 * {@code GET /orders/{id}?by=id} (one call per order of a page); an order the API no longer has
 * leaves its entry as it came; a setting that does not read is refused when the connector is made.
 */
class RetailcrmWholeOrderTest extends RetailcrmTestBed {

    private JsonObject order(String name) {
        return emulator.data().putOrder(new JsonObject().put("site", "shop1").put("status", "new").put("firstName", name)
                .put("items", new JsonArray().add(new JsonObject().put("productName", "Kettle").put("quantity", 1))));
    }

    private List<ObjectNode> pull(Map<String, String> settings) {
        PullBatch b = Await.result(connector(settings).pull(null));
        return b.records();
    }

    @Test
    void editEntries_carryTheWholeCurrentOrder_oneCallPerOrderOfAPage() {
        JsonObject a = order("Olena");
        emulator.data().putOrder(a.copy().put("status", "complete"));
        emulator.data().putOrder(a.copy().put("status", "complete").put("firstName", "Olena K."));

        List<ObjectNode> plain = pull(Map.of("feed", "orders_history"));
        assertEquals(3, plain.size());
        assertFalse(plain.get(1).path("order").has("items"), "an edit entry is partial: " + plain.get(1));

        int before = requests("GET", "/api/v5/orders/" + a.getLong("id")).size();
        List<ObjectNode> whole = pull(Map.of("feed", "orders_history", "whole_order", "true"));
        assertEquals(3, whole.size());
        for (ObjectNode e : whole) {
            assertEquals("Kettle", e.path("order").path("items").path(0).path("productName").asText(), e.toString());
            assertEquals("complete", e.path("order").path("status").asText(), "the order as it is now: " + e);
            assertEquals("Olena K.", e.path("order").path("firstName").asText());
        }
        assertEquals("status", whole.get(1).path("field").asText(), "the entry itself is unchanged");
        List<JsonObject> gets = requests("GET", "/api/v5/orders/" + a.getLong("id"));
        assertEquals(before + 1, gets.size(), "one read for the three entries of one order");
        assertEquals("id", gets.get(gets.size() - 1).getJsonObject("query").getString("by"));
    }

    @Test
    void anOrderTheApiNoLongerHas_leavesItsEntryAsItCame() {
        JsonObject gone = order("Gone");
        emulator.data().putOrder(gone.copy().put("status", "cancel"));
        emulator.data().removeOrder(gone.getLong("id"));
        JsonObject kept = order("Kept");
        List<ObjectNode> whole = pull(Map.of("feed", "orders_history", "whole_order", "true"));
        assertEquals(3, whole.size());
        assertFalse(whole.get(1).path("order").has("items"), "no whole order to put there: " + whole.get(1));
        assertEquals("Kept", whole.get(2).path("order").path("firstName").asText());
        assertTrue(whole.get(2).path("order").has("items"));
        assertEquals(kept.getLong("id"), whole.get(2).path("order").path("id").asLong());
    }

    @Test
    void aWholeOrderSettingThatDoesNotRead_isRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> connector(Map.of("feed", "orders_history", "whole_order", "yes")));
        assertTrue(e.getMessage().contains("whole_order must be true or false"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> connector(Map.of("feed", "customers_history", "whole_order", "true")));
        assertTrue(e.getMessage().contains("orders_history only"), e.getMessage());
    }
}
