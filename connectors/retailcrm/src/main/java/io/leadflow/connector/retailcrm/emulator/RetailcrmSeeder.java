package io.leadflow.connector.retailcrm.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The connector-neutral seed as RetailCRM customers and orders in store {@code shop1}. A deal's
 * group picks its status: open → {@code new}, completed → {@code complete}, cancelled →
 * {@code cancel-other}; {@code fields} may carry {@code deal_cf_<code>} values (codes the account
 * lacks are defined on the fly).
 */
final class RetailcrmSeeder {
    private final RetailcrmData data;

    RetailcrmSeeder(RetailcrmData data) {
        this.data = data;
    }

    JsonObject seed(JsonObject request) {
        Map<String, Long> contactIds = new HashMap<>();
        JsonObject contacts = new JsonObject();
        for (Object o : request.getJsonArray("contacts", new JsonArray())) {
            JsonObject c = (JsonObject) o;
            JsonObject customer = new JsonObject().put("site", "shop1").put("firstName", c.getString("name"))
                    .put("email", c.getString("email")).put("managerId", number(c.getString("manager")))
                    .put("createdAt", time(c.getString("createdAt")))
                    .put("phones", c.getString("phone") == null ? new JsonArray()
                            : new JsonArray().add(new JsonObject().put("number", c.getString("phone"))));
            long id = data.putCustomer(customer).getLong("id");
            contactIds.put(c.getString("ref"), id);
            contacts.put(c.getString("ref"), String.valueOf(id));
        }
        JsonObject deals = new JsonObject();
        for (Object o : request.getJsonArray("deals", new JsonArray())) {
            JsonObject d = (JsonObject) o;
            String status = switch (d.getString("group", "open")) {
                case "open" -> "new";
                case "completed" -> "complete";
                case "cancelled" -> "cancel-other";
                default -> throw new IllegalArgumentException("group must be open, completed or cancelled");
            };
            Long customer = contactIds.get(d.getString("contact"));
            if (customer == null) throw new IllegalArgumentException("deal " + d.getString("ref") + " names an unknown contact");
            JsonObject customFields = new JsonObject();
            d.getJsonObject("fields", new JsonObject()).forEach(e -> {
                if (!e.getKey().startsWith("deal_cf_")) return;
                String code = e.getKey().substring("deal_cf_".length());
                data.addCustomField("order", code);
                customFields.put(code, e.getValue());
            });
            JsonObject order = new JsonObject().put("site", "shop1").put("status", status)
                    .put("customer", new JsonObject().put("id", customer)).put("managerId", number(d.getString("manager")))
                    .put("managerComment", d.getString("title")).put("createdAt", time(d.getString("createdAt")))
                    .put("customFields", customFields);
            deals.put(d.getString("ref"), String.valueOf(data.putOrder(order).getLong("id")));
        }
        return new JsonObject().put("contacts", contacts).put("deals", deals);
    }

    private static Long number(String v) {
        return v == null ? null : Long.parseLong(v);
    }

    private static String time(String iso) {
        Instant at = iso == null ? Instant.now() : Instant.parse(iso);
        return at.atOffset(ZoneOffset.UTC).format(RetailcrmData.TIME);
    }
}
