package io.leadflow.connector.retailcrm.emulator;

import static io.leadflow.connector.emulator.NeutralSeed.number;

import io.leadflow.connector.emulator.NeutralSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneOffset;

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
        return NeutralSeed.apply(request, this::customer, this::order);
    }

    private long customer(JsonObject c) {
        JsonObject customer = new JsonObject().put("site", "shop1").put("firstName", c.getString("name"))
                .put("email", c.getString("email")).put("managerId", number(c.getString("manager")))
                .put("createdAt", time(c.getString("createdAt")))
                .put("phones", c.getString("phone") == null ? new JsonArray()
                        : new JsonArray().add(new JsonObject().put("number", c.getString("phone"))));
        return data.putCustomer(customer).getLong("id");
    }

    private long order(JsonObject d, String group, long customer) {
        String status = switch (group) {
            case "completed" -> "complete";
            case "cancelled" -> "cancel-other";
            default -> "new";
        };
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
        return data.putOrder(order).getLong("id");
    }

    private static String time(String iso) {
        return NeutralSeed.instant(iso).atOffset(ZoneOffset.UTC).format(RetailcrmData.TIME);
    }
}
