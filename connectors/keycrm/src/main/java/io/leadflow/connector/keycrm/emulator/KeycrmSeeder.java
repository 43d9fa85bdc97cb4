package io.leadflow.connector.keycrm.emulator;

import static io.leadflow.connector.emulator.NeutralSeed.number;

import io.leadflow.connector.emulator.NeutralSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneOffset;

/**
 * Turns the connector-neutral seed ({@code contacts}, {@code deals}; see EmulatorServer) into
 * KeyCRM buyers and orders. A deal's group picks its status: open → 1 (new), completed → 5,
 * cancelled → 6; {@code fields} may carry {@code deal_cf_<uuid or number>} values. The same request
 * may carry {@code categories} and {@code products} in KeyCRM's own fields ({@link CatalogSeed}).
 */
final class KeycrmSeeder {
    private final KeycrmData data;

    KeycrmSeeder(KeycrmData data) {
        this.data = data;
    }

    JsonObject seed(JsonObject request) {
        JsonObject out = NeutralSeed.apply(request, this::buyer, this::order);
        if (request.containsKey("categories") || request.containsKey("products")) out.mergeIn(data.catalog().seed(request));
        return out;
    }

    private long buyer(JsonObject c) {
        JsonObject buyer = new JsonObject().put("full_name", c.getString("name", "Buyer"))
                .put("phone", listOf(c.getString("phone"))).put("email", listOf(c.getString("email")))
                .put("manager_id", number(c.getString("manager")))
                .put("created_at", time(c.getString("createdAt")));
        return data.putBuyer(buyer).getLong("id");
    }

    private long order(JsonObject d, String group, long client) {
        int status = switch (group) {
            case "completed" -> 5;
            case "cancelled" -> 6;
            default -> 1;
        };
        JsonObject order = new JsonObject().put("source_id", 3).put("source_uuid", d.getString("ref"))
                .put("client_id", client).put("status_id", status)
                .put("status_group_id", data.status(status).orElseThrow().getInteger("group_id"))
                .put("manager_id", number(d.getString("manager"))).put("manager_comment", d.getString("title"))
                .put("created_at", time(d.getString("createdAt"))).put("products", new JsonArray())
                .put("payments", new JsonArray()).put("marketing", new JsonObject()).put("shipping", new JsonObject());
        CustomFieldCheck.merge(data, order, customFields(d.getJsonObject("fields", new JsonObject())));
        return data.putOrder(order).getLong("id");
    }

    /** {@code deal_cf_1040} and {@code deal_cf_OR_1040} both name order field OR_1040; unknown ones are defined on the fly. */
    private JsonArray customFields(JsonObject fields) {
        JsonArray out = new JsonArray();
        for (String name : fields.fieldNames()) {
            if (!name.startsWith("deal_cf_")) continue;
            String id = name.substring("deal_cf_".length());
            String uuid = id.matches("[0-9]+") ? "OR_" + id : id;
            if (data.customFields().stream().noneMatch(f -> f.getString("uuid").equals(uuid))) {
                data.addCustomField(Integer.parseInt(uuid.replaceAll("[^0-9]", "")), uuid, uuid, "order", "text");
            }
            out.add(new JsonObject().put("uuid", uuid).put("value", fields.getValue(name)));
        }
        return out;
    }

    private static JsonArray listOf(String v) {
        return v == null ? new JsonArray() : new JsonArray().add(v);
    }

    private static String time(String iso) {
        return NeutralSeed.instant(iso).atOffset(ZoneOffset.UTC).format(KeycrmData.TIME);
    }
}
