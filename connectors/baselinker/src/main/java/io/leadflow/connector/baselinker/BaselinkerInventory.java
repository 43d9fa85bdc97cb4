package io.leadflow.connector.baselinker;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.refdata.RefCache;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Inventory product ids by SKU ({@code getInventoryProductsList} with {@code filter_sku}), cached,
 * so a steady stream of orders for known SKUs makes no lookups. {@code filter_sku} may match
 * substrings [U], so only an exact SKU match counts.
 */
final class BaselinkerInventory {
    private final BaselinkerApi api;
    private final long inventoryId;
    private final CallCount background = new CallCount();
    private final RefCache<String, Optional<String>> bySku;

    BaselinkerInventory(BaselinkerApi api, long inventoryId) {
        this.api = api;
        this.inventoryId = inventoryId;
        this.bySku = RefCache.of(sku -> load(sku, background));
    }

    /** The inventory product id of a SKU, or empty when the inventory has no such SKU. */
    Future<Optional<String>> productId(String sku, CallCount count) {
        return bySku.get(sku, k -> load(k, count));
    }

    private Future<Optional<String>> load(String sku, CallCount count) {
        JsonObject params = new JsonObject().put("inventory_id", inventoryId).put("filter_sku", sku);
        return api.call("getInventoryProductsList", params, false, count).map(body -> {
            JsonObject products = body.getJsonObject("products", new JsonObject());
            for (String id : products.fieldNames()) {
                if (sku.equals(products.getJsonObject(id).getString("sku"))) return Optional.of(id);
            }
            return Optional.<String>empty();
        });
    }
}
