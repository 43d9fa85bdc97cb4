package io.leadflow.connector.mindbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.ConnectorContract;
import io.leadflow.spi.EntityKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Mindbox against its emulator, in both modes: customers (the kit's contact is an upsert) and the
 * kit's deal as a {@code commit} step (begin + commit: two calls). No lookups, updates or tasks.
 */
class MindboxContractTest extends ConnectorContract {
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    protected ConnectorFactory factory() {
        return new MindboxFactory();
    }

    @Override
    protected ObjectNode contactFields(String name, String phoneE164, String email) {
        return object().put("retailcrm_id", "c" + ids.incrementAndGet()).put("first_name", name).put("phone", phoneE164).put("email", email);
    }

    @Override
    protected ObjectNode dealFields(String text) {
        ObjectNode deal = object().put("step", "commit").put("order_id", "o" + ids.incrementAndGet()).put("deal_cf_comment", text);
        deal.putArray("products").addObject().put("product_id", "TSH-42").put("price", 450).put("quantity", 2);
        return deal;
    }

    @Override
    protected String dealTextField() {
        return "deal_cf_comment";
    }

    @Override
    protected ObjectNode invalidDeal() {
        return dealFields("bad phone").put("phone", "12");
    }

    @Override
    protected String invalidDealField() {
        return "phone";
    }

    @Override
    protected String dealCustomFieldId() {
        return "deliveryType";
    }

    @Override
    protected int callsPerCreatedDeal() {
        return 2;
    }

    @Override
    protected String stored(JsonObject records, EntityKind kind, String id, String ruleField) {
        String table = kind == EntityKind.CONTACT ? "customers" : "orders";
        String idKey = kind == EntityKind.CONTACT ? "mindboxId" : "retailCRMId";
        for (Object o : records.getJsonArray(table, new JsonArray())) {
            JsonObject r = (JsonObject) o;
            if (!id.equals(String.valueOf(r.getJsonObject("ids").getValue(idKey)))) continue;
            if (ruleField.startsWith("deal_cf_")) return r.getJsonObject("customFields", new JsonObject()).getString(ruleField.substring(8));
            return switch (ruleField) {
                case "name" -> r.getString("firstName");
                case "email" -> r.getString("email");
                default -> throw new IllegalArgumentException(ruleField);
            };
        }
        return null;
    }

    @Override
    protected int storedCount(JsonObject records, EntityKind kind) {
        return records.getJsonArray(kind == EntityKind.CONTACT ? "customers" : "orders", new JsonArray()).size();
    }

    /** Mindbox has no API that lists a project's additional fields (crm-apis section 5): the connector says so. */
    @Override
    @Test
    public void accountSchema_listsTheAccountsDealCustomField() {
        UnsupportedOperationException e = Await.failure(connector.accountSchema(), UnsupportedOperationException.class);
        assertTrue(e.getMessage().contains("Mindbox"), e.getMessage());
    }

    @Override
    @Test
    public void accountSchemaCheck_passesAKnownField_andReportsUnknownOnes() {
        accountSchema_listsTheAccountsDealCustomField();
    }

    static ObjectNode node() {
        return JsonNodeFactory.instance.objectNode();
    }
}
