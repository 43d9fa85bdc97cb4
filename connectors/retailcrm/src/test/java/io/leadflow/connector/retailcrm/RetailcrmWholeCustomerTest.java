package io.leadflow.connector.retailcrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.contract.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code retailcrm.customers_history(whole_customer: true)}: an edit entry carries only the
 * customer's ids; with the option each entry's customer is the whole current customer from
 * {@code GET /customers/{id}?by=id&site=…} (one call per customer of a page); a customer the API no
 * longer has leaves its entry as it came; a setting that does not read is refused.
 */
class RetailcrmWholeCustomerTest extends RetailcrmTestBed {

    private JsonObject customer(String name, String phone) {
        return emulator.data().putCustomer(new JsonObject().put("site", "shop1").put("firstName", name).put("email", name.toLowerCase() + "@example.com")
                .put("phones", new JsonArray().add(new JsonObject().put("number", phone))));
    }

    private List<ObjectNode> pull(Map<String, String> settings) {
        return Await.result(connector(settings).pull(null)).records();
    }

    @Test
    void editEntries_carryTheWholeCurrentCustomer_oneCallPerCustomerOfAPage() {
        JsonObject a = customer("Olena", "+380501112233");
        emulator.data().putCustomer(a.copy().put("firstName", "Olena K.").put("lastName", "Koval"));

        List<ObjectNode> plain = pull(Map.of("feed", "customers_history"));
        assertEquals(3, plain.size(), "created + two changed fields: " + plain);
        assertFalse(plain.get(1).path("customer").has("phones"), "an edit entry is partial: " + plain.get(1));

        int before = requests("GET", "/api/v5/customers/" + a.getLong("id")).size();
        List<ObjectNode> whole = pull(Map.of("feed", "customers_history", "whole_customer", "true"));
        assertEquals(3, whole.size());
        for (ObjectNode e : whole) {
            assertEquals("+380501112233", e.path("customer").path("phones").path(0).path("number").asText(), e.toString());
            assertEquals("Olena K.", e.path("customer").path("firstName").asText(), "the customer as it is now: " + e);
            assertEquals("Koval", e.path("customer").path("lastName").asText());
            assertEquals(a.getLong("id"), e.path("customer").path("id").asLong());
        }
        assertTrue(whole.get(1).path("field").isTextual(), "the entry itself is unchanged: " + whole.get(1));
        List<JsonObject> gets = requests("GET", "/api/v5/customers/" + a.getLong("id"));
        assertEquals(before + 1, gets.size(), "one read for the three entries of one customer");
        JsonObject q = gets.get(gets.size() - 1).getJsonObject("query");
        assertEquals("id", q.getString("by"));
        assertEquals("shop1", q.getString("site"));
    }

    @Test
    void aCustomerTheApiNoLongerHas_leavesItsEntryAsItCame() {
        JsonObject gone = customer("Gone", "+380500000001");
        emulator.data().putCustomer(gone.copy().put("firstName", "Gone again"));
        emulator.data().removeCustomer(gone.getLong("id"));
        JsonObject kept = customer("Kept", "+380500000002");
        List<ObjectNode> whole = pull(Map.of("feed", "customers_history", "whole_customer", "true"));
        assertEquals(3, whole.size());
        assertFalse(whole.get(1).path("customer").has("phones"), "no whole customer to put there: " + whole.get(1));
        assertEquals("Kept", whole.get(2).path("customer").path("firstName").asText());
        assertEquals(kept.getLong("id"), whole.get(2).path("customer").path("id").asLong());
    }

    @Test
    void aWholeCustomerSettingThatDoesNotRead_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> connector(Map.of("feed", "customers_history", "whole_customer", "1")));
        assertTrue(e.getMessage().contains("whole_customer must be true or false"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> connector(Map.of("feed", "orders_history", "whole_customer", "true")));
        assertTrue(e.getMessage().contains("customers_history only"), e.getMessage());
    }
}
