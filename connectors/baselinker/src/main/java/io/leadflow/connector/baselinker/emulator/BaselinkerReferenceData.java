package io.leadflow.connector.baselinker.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/** The emulated account's fixed reference data: order statuses, order extra fields, one inventory. */
final class BaselinkerReferenceData {
    private final JsonArray statuses = new JsonArray()
            .add(status(8011, "New", "#1e90ff")).add(status(8012, "Paid", "#2e8b57")).add(status(8013, "Sent", "#808080"));
    private final JsonObject extraFields = new JsonObject()
            .put("4117", extraField(4117, "UTM source")).put("4118", extraField(4118, "UTM campaign"));
    private final JsonObject products = new JsonObject()
            .put("5521", product(5521, "MUG-1", "Mug", 39.9))
            .put("5522", product(5522, "TSH-42", "T-shirt", 450))
            .put("5523", product(5523, "MUG-10", "Big mug", 59.9));

    JsonArray statuses() {
        return statuses.copy();
    }

    Set<Integer> statusIds() {
        return Set.of(8011, 8012, 8013);
    }

    JsonObject extraFields() {
        return extraFields.copy();
    }

    Set<String> extraFieldIds() {
        return extraFields.fieldNames();
    }

    /** Products whose SKU contains the filter (all when null), keyed by product id. */
    JsonObject products(String skuFilter) {
        JsonObject out = new JsonObject();
        products.forEach(e -> {
            JsonObject p = (JsonObject) e.getValue();
            if (skuFilter == null || p.getString("sku").contains(skuFilter)) out.put(e.getKey(), p.copy());
        });
        return out;
    }

    private static JsonObject status(int id, String name, String color) {
        return new JsonObject().put("id", id).put("name", name).put("name_for_customer", name).put("color", color);
    }

    private static JsonObject extraField(int id, String name) {
        return new JsonObject().put("extra_field_id", id).put("name", name).put("editor_type", "text").put("options", new JsonArray());
    }

    private static JsonObject product(int id, String sku, String name, double price) {
        return new JsonObject().put("id", id).put("ean", "").put("sku", sku).put("name", name)
                .put("prices", new JsonObject().put("105", price)).put("stock", new JsonObject().put("bl_1", 10));
    }
}
