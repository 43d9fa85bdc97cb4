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

    /**
     * A KeyCRM user editing the catalog ({@code POST /__emulator/seed}'s {@code categories} and
     * {@code products}, see {@link CatalogSeed}): each entry is a record in KeyCRM's own fields.
     * All or nothing: a bad entry leaves the catalog as it was.
     *
     * @return the ids given, in request order: {@code {categories: [id], products: [id], offers: [[id]]}}
     */
    synchronized JsonObject seed(io.vertx.core.json.JsonObject request) {
        JsonObject saved = persisted();
        try {
            return new CatalogSeed(this).apply(request);
        } catch (RuntimeException e) {
            restore(saved);
            throw e;
        }
    }

    synchronized boolean hasCategory(long id) {
        return categories.containsKey(id);
    }

    synchronized boolean hasProduct(long id) {
        return products.containsKey(id);
    }

    /** Makes a category with this id (or the next one) or changes an existing one's name and parent (renamed or moved). */
    public synchronized long putCategory(Long id, String name, Long parentId, boolean parentGiven) {
        JsonObject c = id == null ? null : categories.get(id);
        if (c == null) {
            long made = id == null ? nextCategory++ : id;
            nextCategory = Math.max(nextCategory, made + 1);
            categories.put(made, new JsonObject().put("id", made).put("name", name).put("parent_id", parentId));
            return made;
        }
        if (name != null) c.put("name", name);
        if (parentGiven) c.put("parent_id", parentId);
        return id;
    }

    /**
     * Makes a product with this id (or the next one) from {@code fields} ({@code name, sku,
     * description, category_id, is_archived}), or changes the given fields of an existing one.
     */
    synchronized long putProduct(Long id, JsonObject fields) {
        JsonObject p = id == null ? null : products.get(id);
        if (p == null) {
            long made = id == null ? nextProduct++ : id;
            nextProduct = Math.max(nextProduct, made + 1);
            p = new JsonObject().put("id", made).put("name", null).put("description", null).put("sku", null).put("quantity", 0)
                    .put("min_price", null).put("max_price", null).put("category_id", null).put("is_archived", false)
                    .put("has_offers", false).put("currency_code", "UAH");
            products.put(made, p);
            id = made;
        }
        for (String f : fields.fieldNames()) p.put(f, fields.getValue(f));
        if (fields.containsKey("is_archived")) {
            for (JsonObject o : offers.values()) if (o.getLong("product_id").equals(id)) o.put("is_archived", p.getBoolean("is_archived", false));
        }
        return id;
    }

    /** The product's offers, oldest first. */
    synchronized List<JsonObject> offersOf(long productId) {
        return offers.values().stream().filter(o -> o.getLong("product_id") == productId).map(JsonObject::copy).toList();
    }

    /**
     * Makes the product's offers exactly {@code wanted} ({@code id} of one of its offers: that
     * offer changed; no {@code id}: a new offer; its other offers are deleted), then sets the
     * product's {@code quantity} (the sum), {@code min_price}, {@code max_price} and
     * {@code has_offers} from them. Answers the offer ids in order.
     */
    public synchronized List<Long> setOffers(long productId, List<JsonObject> wanted) {
        JsonObject p = products.get(productId);
        List<Long> ids = new ArrayList<>();
        java.util.Set<Long> keep = new java.util.HashSet<>();
        for (JsonObject w : wanted) {
            Long id = w.getLong("id");
            JsonObject o = id == null ? null : offers.get(id);
            if (o == null) {
                long made = id == null ? nextOffer++ : id;
                nextOffer = Math.max(nextOffer, made + 1);
                o = new JsonObject().put("id", made).put("product_id", productId).put("sku", null).put("barcode", null)
                        .put("price", null).put("quantity", 0).put("is_archived", p.getBoolean("is_archived", false));
                offers.put(made, o);
            }
            for (String f : w.fieldNames()) if (!f.equals("id") && !f.equals("product_id")) o.put(f, w.getValue(f));
            ids.add(o.getLong("id"));
            keep.add(o.getLong("id"));
        }
        offers.values().removeIf(o -> o.getLong("product_id") == productId && !keep.contains(o.getLong("id")));
        List<JsonObject> now = offers.values().stream().filter(o -> o.getLong("product_id") == productId).toList();
        p.put("quantity", now.stream().mapToLong(o -> o.getValue("quantity") instanceof Number n ? n.longValue() : 0).sum());
        List<BigDecimal> prices = now.stream().map(o -> o.getValue("price")).filter(v -> v instanceof Number)
                .map(v -> new BigDecimal(String.valueOf(v))).sorted().toList();
        p.put("min_price", prices.isEmpty() ? null : prices.get(0)).put("max_price", prices.isEmpty() ? null : prices.get(prices.size() - 1));
        p.put("has_offers", !now.isEmpty());
        return ids;
    }

    /** Everything, for a records file: {@code products, offers, categories}. */
    synchronized JsonObject persisted() {
        return new JsonObject().put("products", new io.vertx.core.json.JsonArray(products())).put("offers", new io.vertx.core.json.JsonArray(offers()))
                .put("categories", new io.vertx.core.json.JsonArray(categories()));
    }

    /** Replaces the catalog with a {@link #persisted()} form's (ids go on after the restored ones). */
    synchronized void restore(JsonObject snapshot) {
        List<JsonObject> p = io.leadflow.connector.emulator.EmulatorRecords.records(snapshot, "products");
        List<JsonObject> o = io.leadflow.connector.emulator.EmulatorRecords.records(snapshot, "offers");
        List<JsonObject> c = io.leadflow.connector.emulator.EmulatorRecords.records(snapshot, "categories");
        clear();
        p.forEach(r -> products.put(r.getLong("id"), r));
        o.forEach(r -> offers.put(r.getLong("id"), r));
        c.forEach(r -> categories.put(r.getLong("id"), r));
        nextProduct = io.leadflow.connector.emulator.EmulatorRecords.nextId(100, "id", p);
        nextOffer = io.leadflow.connector.emulator.EmulatorRecords.nextId(5000, "id", o);
        nextCategory = io.leadflow.connector.emulator.EmulatorRecords.nextId(10, "id", c);
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
