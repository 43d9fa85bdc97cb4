package io.leadflow.connector.keycrm.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The catalog part of {@code POST /__emulator/seed}: what a KeyCRM user does to products, offers
 * and categories in the UI, given as records in KeyCRM's own fields (crm-apis.md §2, "Products,
 * offers, categories" [C]), not in any adapter's terms:
 * <pre>{@code
 * {"categories": [{"id": 10, "name": "Одяг", "parent_id": null}],
 *  "products": [{"id": 100, "name": "Футболка", "sku": "TSH", "category_id": 10, "description": "…",
 *                "barcode": "4820000000011", "price": 450, "quantity": 5},
 *               {"name": "Худі", "sku": "HD", "offers": [{"sku": "HD-S", "barcode": "…", "price": 900, "quantity": 2},
 *                                                       {"sku": "HD-M", "price": 900, "quantity": 1}]}]}
 * }</pre>
 * Categories first, in order (a {@code parent_id} must name a category that exists or comes
 * earlier). An entry whose {@code id} is new (or absent: the next id) makes the record; an
 * {@code id} that exists changes the fields given (a category renamed or moved to another parent;
 * a product's {@code name, sku, description, category_id}, {@code is_archived: true} to take it out
 * of the catalog). A product's offers: {@code offers} makes them exactly that list (an entry with
 * the {@code id} of one of its offers changes it, one without is a new offer, the others are
 * deleted); without {@code offers}, {@code barcode, price, quantity} on the product are its one
 * offer (as {@code POST /products}, which takes no variants, makes it), or change the offer of a
 * product that has exactly one. The product's {@code quantity, min_price, max_price, has_offers}
 * follow from its offers.
 */
final class CatalogSeed {
    private static final Set<String> CATEGORY = Set.of("id", "name", "parent_id");
    private static final Set<String> PRODUCT = Set.of("id", "name", "sku", "description", "category_id", "is_archived",
            "barcode", "price", "quantity", "offers");
    private static final Set<String> OFFER = Set.of("id", "sku", "barcode", "price", "quantity");
    private static final Set<String> OFFER_FIELDS = Set.of("barcode", "price", "quantity");

    private final CatalogStore store;

    CatalogSeed(CatalogStore store) {
        this.store = store;
    }

    JsonObject apply(JsonObject request) {
        JsonArray cats = new JsonArray();
        for (JsonObject c : entries(request, "categories")) cats.add(category(c));
        JsonArray products = new JsonArray();
        JsonArray offers = new JsonArray();
        for (JsonObject p : entries(request, "products")) {
            long id = product(p);
            products.add(id);
            offers.add(new JsonArray(store.offersOf(id).stream().map(o -> (Object) o.getLong("id")).toList()));
        }
        return new JsonObject().put("categories", cats).put("products", products).put("offers", offers);
    }

    private long category(JsonObject c) {
        known(c, CATEGORY, "category");
        Long id = id(c, "id", "category");
        boolean exists = id != null && store.hasCategory(id);
        Object name = c.getValue("name");
        if (name != null && !(name instanceof String)) throw new IllegalArgumentException("category name must be text: " + c.encode());
        if (!exists && (name == null || ((String) name).isBlank())) throw new IllegalArgumentException("a new category needs a name: " + c.encode());
        Long parent = id(c, "parent_id", "category");
        if (parent != null && !store.hasCategory(parent)) {
            throw new IllegalArgumentException("category " + c.encode() + ": parent_id " + parent + " is no category");
        }
        if (parent != null && parent.equals(id)) throw new IllegalArgumentException("category " + id + " cannot be its own parent");
        return store.putCategory(id, (String) name, parent, c.containsKey("parent_id"));
    }

    private long product(JsonObject p) {
        known(p, PRODUCT, "product");
        Long id = id(p, "id", "product");
        boolean exists = id != null && store.hasProduct(id);
        if (!exists && !(p.getValue("name") instanceof String n && !n.isBlank())) {
            throw new IllegalArgumentException("a new product needs a name: " + p.encode());
        }
        Long category = id(p, "category_id", "product");
        if (category != null && !store.hasCategory(category)) {
            throw new IllegalArgumentException("product " + p.encode() + ": category_id " + category + " is no category");
        }
        if (p.containsKey("is_archived") && !(p.getValue("is_archived") instanceof Boolean)) {
            throw new IllegalArgumentException("is_archived must be true or false: " + p.encode());
        }
        List<JsonObject> offers = offers(p, id, exists);
        JsonObject fields = new JsonObject();
        for (String f : List.of("name", "sku", "description", "category_id", "is_archived")) if (p.containsKey(f)) fields.put(f, p.getValue(f));
        long made = store.putProduct(id, fields);
        if (offers != null) store.setOffers(made, offers);
        return made;
    }

    /** The offers the product is to have, or null to leave them as they are. */
    private List<JsonObject> offers(JsonObject p, Long id, boolean exists) {
        if (p.containsKey("offers")) {
            if (OFFER_FIELDS.stream().anyMatch(p::containsKey)) {
                throw new IllegalArgumentException("a product gives either offers or its one offer's barcode, price and quantity, not both: " + p.encode());
            }
            List<JsonObject> out = new ArrayList<>();
            for (JsonObject o : entries(p, "offers")) {
                known(o, OFFER, "offer");
                Long offer = id(o, "id", "offer");
                if (offer != null && exists && store.offersOf(id).stream().noneMatch(x -> x.getLong("id").equals(offer))
                        && store.offers().stream().anyMatch(x -> x.getLong("id").equals(offer))) {
                    throw new IllegalArgumentException("offer " + offer + " belongs to another product");
                }
                numbers(o, "offer");
                out.add(o);
            }
            return out;
        }
        JsonObject one = new JsonObject();
        for (String f : OFFER_FIELDS) if (p.containsKey(f)) one.put(f, p.getValue(f));
        numbers(one, "product");
        if (!exists) return List.of(one.put("sku", p.getValue("sku")));
        if (one.isEmpty()) return null;
        List<JsonObject> now = store.offersOf(id);
        if (now.size() != 1) {
            throw new IllegalArgumentException("product " + id + " has " + now.size() + " offers: give its offers, not one barcode, price and quantity");
        }
        return List.of(now.get(0).mergeIn(one));
    }

    private static void numbers(JsonObject o, String what) {
        for (String f : List.of("price", "quantity")) {
            if (o.getValue(f) != null && !(o.getValue(f) instanceof Number)) throw new IllegalArgumentException(what + " " + f + " must be a number: " + o.encode());
        }
    }

    private static void known(JsonObject o, Set<String> fields, String what) {
        for (String f : o.fieldNames()) {
            if (!fields.contains(f)) throw new IllegalArgumentException(what + " has no field '" + f + "' (it takes: " + String.join(", ", new java.util.TreeSet<>(fields)) + ")");
        }
    }

    private static Long id(JsonObject o, String field, String what) {
        Object v = o.getValue(field);
        if (v == null) return null;
        if (v instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0) return n.longValue();
        throw new IllegalArgumentException(what + " " + field + " must be a positive whole number: " + o.encode());
    }

    private static List<JsonObject> entries(JsonObject o, String key) {
        Object v = o.getValue(key);
        if (v == null) return List.of();
        if (!(v instanceof JsonArray a)) throw new IllegalArgumentException(key + " must be a list");
        List<JsonObject> out = new ArrayList<>();
        for (Object x : a) {
            if (!(x instanceof JsonObject j)) throw new IllegalArgumentException(key + " holds a non-object: " + x);
            out.add(j);
        }
        return out;
    }
}
