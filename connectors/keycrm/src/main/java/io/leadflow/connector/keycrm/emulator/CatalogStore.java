package io.leadflow.connector.keycrm.emulator;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulated account's catalog (crm-apis.md §2, "Products, offers, categories" [C]): products
 * ({@code id, name, description, sku, quantity, min_price, max_price, category_id, is_archived,
 * has_offers}), their offers ({@code id, product_id, sku, barcode, price, quantity}) and
 * categories ({@code id, name, parent_id}). Thread-safe.
 */
public final class CatalogStore {
    private final Map<Long, JsonObject> products = new LinkedHashMap<>();
    private final Map<Long, JsonObject> offers = new LinkedHashMap<>();
    private final Map<Long, JsonObject> categories = new LinkedHashMap<>();
    private long nextProduct = 100;
    private long nextOffer = 5000;
    private long nextCategory = 10;

    public synchronized long addCategory(String name, Long parentId) {
        long id = nextCategory++;
        categories.put(id, new JsonObject().put("id", id).put("name", name).put("parent_id", parentId));
        return id;
    }

    /** A product with one offer carrying its barcode, price and stock; answers the product id. */
    public synchronized long addProduct(String name, String sku, String barcode, BigDecimal price, int quantity, Long categoryId) {
        long id = nextProduct++;
        products.put(id, new JsonObject().put("id", id).put("name", name).put("description", null).put("sku", sku)
                .put("quantity", quantity).put("min_price", price).put("max_price", price).put("category_id", categoryId)
                .put("is_archived", false).put("has_offers", true).put("currency_code", "UAH"));
        long offer = nextOffer++;
        offers.put(offer, new JsonObject().put("id", offer).put("product_id", id).put("sku", sku).put("barcode", barcode)
                .put("price", price).put("quantity", quantity).put("is_archived", false));
        return id;
    }

    /** Adds one more offer (a variant: its own SKU, barcode, price and stock) to a product; answers the offer id. */
    public synchronized long addOffer(long productId, String sku, String barcode, BigDecimal price, int quantity) {
        long offer = nextOffer++;
        offers.put(offer, new JsonObject().put("id", offer).put("product_id", productId).put("sku", sku).put("barcode", barcode)
                .put("price", price).put("quantity", quantity).put("is_archived", false));
        JsonObject p = products.get(productId);
        p.put("quantity", offers.values().stream().filter(o -> o.getLong("product_id") == productId).mapToInt(o -> o.getInteger("quantity")).sum());
        return offer;
    }

    /** Changes one offer's price and stock, as a KeyCRM user would. */
    public synchronized void setOffer(long offerId, BigDecimal price, int quantity) {
        offers.get(offerId).put("price", price).put("quantity", quantity);
    }

    /** Changes a product's price and stock (on the product and its offers), as a KeyCRM user would. */
    public synchronized void setPriceAndStock(long productId, BigDecimal price, int quantity) {
        JsonObject p = products.get(productId);
        p.put("min_price", price).put("max_price", price).put("quantity", quantity);
        for (JsonObject o : offers.values()) if (o.getLong("product_id") == productId) o.put("price", price).put("quantity", quantity);
    }

    public synchronized void rename(long productId, String name) {
        products.get(productId).put("name", name);
    }

    public synchronized void archive(long productId) {
        products.get(productId).put("is_archived", true);
        for (JsonObject o : offers.values()) if (o.getLong("product_id") == productId) o.put("is_archived", true);
    }

    synchronized List<JsonObject> products() {
        return copies(products);
    }

    synchronized List<JsonObject> offers() {
        return copies(offers);
    }

    synchronized List<JsonObject> categories() {
        return copies(categories);
    }

    private static List<JsonObject> copies(Map<Long, JsonObject> m) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject o : m.values()) out.add(o.copy());
        return out;
    }

    /** Forgets the catalog; ids start again (products 100, offers 5000, categories 10). */
    synchronized void clear() {
        products.clear();
        offers.clear();
        categories.clear();
        nextProduct = 100;
        nextOffer = 5000;
        nextCategory = 10;
    }
}
