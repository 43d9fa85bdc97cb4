package io.leadflow.connector.shopexpress;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.catalog.CatalogTarget;
import io.leadflow.connector.catalog.CatalogVariant;
import io.leadflow.connector.catalog.ShopCategory;
import io.leadflow.connector.catalog.ShopProduct;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmRequest;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shop's catalog as the KeyCRM product sync writes it, through the guessed Shop-Express API
 * [U, no public reference]: {@code GET /products?page&per_page=100} ({@code {data, meta:{page,
 * pages}}}), {@code POST /products} (201, the product), {@code PATCH /products/{id}},
 * {@code GET /categories} (paged the same way), {@code POST /categories} (201, the category),
 * {@code PATCH /categories/{id}} (renamed, moved, linked; the category). A
 * product takes {@code variants: [{external_id, sku, barcode, price, quantity}]}, the whole list
 * sent on every change of it (the shop replaces it).
 * Every write's answer must show what was sent (else the contract does not hold and the product
 * or category counts as failed).
 */
public final class ShopExpressCatalog implements CatalogTarget {
    static final int PER_PAGE = 100;
    static final int MAX_PAGES = 1000;

    private final ShopExpressApi api;

    private ShopExpressCatalog(ShopExpressApi api) {
        this.api = api;
    }

    public static ShopExpressCatalog open(Vertx vertx, AccountConfig config) {
        if (config.baseUrl() == null) {
            throw new IllegalArgumentException("account shopexpress/" + config.account()
                    + " needs base_url (https://<shop domain>/api/v1): Shop-Express has no common API host");
        }
        Duration timeout = Duration.ofMillis(config.longSetting("timeout_ms", 10_000));
        CrmHttp http = CrmHttp.forAccount(vertx, ShopExpressSchema.DESCRIPTOR, config, config.baseUrl(), timeout, new ShopExpressErrors());
        return new ShopExpressCatalog(new ShopExpressApi(http, config.secret(AccountConfig.API_KEY)));
    }

    public Future<Void> close() {
        return api.close();
    }

    @Override
    public Future<List<ShopProduct>> products() {
        List<ShopProduct> all = new ArrayList<>();
        return page("/products", "the product list", 1, p -> all.add(product(p))).map(v -> all);
    }

    /** Products take {@code variants} [U: the guessed contract]. */
    @Override
    public boolean variants() {
        return true;
    }

    @Override
    public Future<List<ShopCategory>> categories() {
        List<ShopCategory> all = new ArrayList<>();
        return page("/categories", "the category list", 1, c -> all.add(category(c))).map(v -> all);
    }

    private Future<Void> page(String route, String what, int page, java.util.function.Consumer<JsonObject> into) {
        return api.send(CrmRequest.get(route + "?page=" + page + "&per_page=" + PER_PAGE), new CallCount()).compose(r -> {
            JsonObject body = ShopExpressApi.object(r, what);
            if (!(body.getValue("data") instanceof JsonArray data)) {
                return Future.failedFuture(new PermanentException("Shop-Express answered " + what + " without data (the API contract"
                        + " is unconfirmed): " + r.text(120), null, r.status()));
            }
            for (Object o : data) if (o instanceof JsonObject p) into.accept(p);
            JsonObject meta = body.getValue("meta") instanceof JsonObject m ? m : new JsonObject();
            int pages = meta.getValue("pages") instanceof Number n ? n.intValue() : page;
            if (page >= pages || data.isEmpty()) return Future.succeededFuture();
            if (page >= MAX_PAGES) return Future.failedFuture(new PermanentException("Shop-Express lists more than " + MAX_PAGES + " pages of "
                    + route, null, 200));
            return page(route, what, page + 1, into);
        });
    }

    /**
     * {@code POST /categories} {@code {name, parent_id, external_id}} [U]: the answer must be the
     * category with that name, parent and external id (a shop that dropped the parent or the link
     * would file products in the wrong place or make a twin on the next run), else a permanent
     * error saying the unconfirmed contract does not hold.
     */
    @Override
    public Future<String> createCategory(Map<String, Object> fields) {
        return category(HttpMethod.POST, "/categories", "create", fields);
    }

    /** Categories take {@code PATCH /categories/{id}} [U: the guessed contract]. */
    @Override
    public boolean categoryChanges() {
        return true;
    }

    /**
     * {@code PATCH /categories/{id}} with the fields changed ({@code name, parent_id, external_id})
     * [U]: the answer must read them back, else a permanent error saying the unconfirmed contract does not hold.
     */
    @Override
    public Future<Void> changeCategory(String id, Map<String, Object> fields) {
        return category(HttpMethod.PATCH, "/categories/" + ShopExpressApi.path(id), "change of " + id, fields).mapEmpty();
    }

    private Future<String> category(HttpMethod method, String route, String what, Map<String, Object> fields) {
        JsonObject body = body(fields);
        return api.send(CrmRequest.json(method, route, body, true), new CallCount()).map(r -> {
            JsonObject made = ShopExpressApi.object(r, "the category " + what);
            ShopCategory shown = category(made);
            for (String f : fields.keySet()) {
                String want = text(fields.get(f));
                String got = switch (f) {
                    case "name" -> shown.name();
                    case "parent_id" -> shown.parentId();
                    default -> shown.externalId();
                };
                if (shown.id() == null || !java.util.Objects.equals(want, got)) {
                    throw new PermanentException("Shop-Express accepted the category " + what + " (HTTP " + r.status() + ") but its answer "
                            + (shown.id() == null ? "has no id" : "reads " + f + " = " + got + ", not " + want)
                            + ": the unconfirmed API contract does not hold", f, r.status());
                }
            }
            return shown.id();
        });
    }

    @Override
    public Future<String> create(Map<String, Object> fields) {
        JsonObject body = body(fields);
        return api.send(CrmRequest.json(HttpMethod.POST, "/products", body, true), new CallCount()).map(r -> {
            JsonObject made = ShopExpressApi.object(r, "the product create");
            if (made.getValue("id") == null || !body.getValue("external_id").equals(made.getValue("external_id"))
                    || body.containsKey("variants") && !same("variants", fields.get("variants"), product(made).variants())) {
                throw new PermanentException("Shop-Express accepted the product create (HTTP " + r.status() + ") but its answer does not"
                        + " show the product with external_id " + body.getValue("external_id") + (body.containsKey("variants") ? " and its variants" : "")
                        + ": the unconfirmed API contract does not hold",
                        null, r.status());
            }
            return String.valueOf(made.getValue("id"));
        });
    }

    @Override
    public Future<Void> change(String id, Map<String, Object> fields) {
        JsonObject body = body(fields);
        return api.send(CrmRequest.json(HttpMethod.PATCH, "/products/" + ShopExpressApi.path(id), body, true), new CallCount()).map(r -> {
            ShopProduct shown = product(ShopExpressApi.object(r, "the product change of " + id));
            for (String f : body.fieldNames()) {
                Object want = fields.get(f);
                Object got = value(shown, f);
                if (!same(f, want, got)) {
                    throw new PermanentException("Shop-Express accepted the change of product " + id + " (HTTP " + r.status()
                            + ") but it reads " + f + " = " + got + ", not " + want + ": the unconfirmed API contract does not hold", f, r.status());
                }
            }
            return null;
        });
    }

    private static boolean same(String field, Object want, Object got) {
        if (field.equals("variants")) return CatalogVariant.comparable((List<?>) want).equals(CatalogVariant.comparable((List<?>) got));
        if (want instanceof BigDecimal a && got instanceof BigDecimal b) return a.compareTo(b) == 0;
        return field.equals("category_id") ? String.valueOf(want).equals(got) : java.util.Objects.equals(want, got);
    }

    /** The request body; the shop's own ids ({@code category_id}, {@code parent_id}) go back as numbers when they are numbers [U: their type]. */
    private static JsonObject body(Map<String, Object> fields) {
        JsonObject o = new JsonObject();
        fields.forEach((k, v) -> o.put(k, (k.equals("category_id") || k.equals("parent_id")) && v instanceof String t && t.matches("\\d{1,18}")
                ? (Object) Long.valueOf(t) : v instanceof List<?> l ? variantsJson(l) : v));
        return o;
    }

    @SuppressWarnings("unchecked")
    private static JsonArray variantsJson(List<?> variants) {
        JsonArray a = new JsonArray();
        for (Object x : variants) a.add(x instanceof Map<?, ?> m ? new JsonObject(new java.util.LinkedHashMap<>((Map<String, Object>) m)) : x);
        return a;
    }

    private static Object value(ShopProduct p, String field) {
        return switch (field) {
            case "external_id" -> p.externalId();
            case "name" -> p.name();
            case "sku" -> p.sku();
            case "barcode" -> p.barcode();
            case "description" -> p.description();
            case "price" -> p.price();
            case "quantity" -> p.quantity();
            case "category_id" -> p.categoryId();
            case "variants" -> p.variants();
            case "visible" -> p.visible();
            case "available" -> p.available();
            default -> null;
        };
    }

    private static ShopProduct product(JsonObject p) {
        return new ShopProduct(text(p.getValue("id")), text(p.getValue("external_id")), text(p.getValue("sku")), text(p.getValue("barcode")),
                text(p.getValue("name")), text(p.getValue("description")), decimal(p.getValue("price")), decimal(p.getValue("quantity")), text(p.getValue("category_id")),
                p.getValue("visible") instanceof Boolean b ? b : null, p.getValue("available") instanceof Boolean b ? b : null, variants(p));
    }

    private static List<CatalogVariant> variants(JsonObject p) {
        List<CatalogVariant> out = new ArrayList<>();
        if (p.getValue("variants") instanceof JsonArray a) {
            for (Object o : a) {
                if (o instanceof JsonObject v) {
                    out.add(new CatalogVariant(text(v.getValue("external_id")), text(v.getValue("sku")), text(v.getValue("barcode")),
                            decimal(v.getValue("price")), decimal(v.getValue("quantity"))));
                }
            }
        }
        return out;
    }

    private static ShopCategory category(JsonObject c) {
        return new ShopCategory(text(c.getValue("id")), text(c.getValue("external_id")), text(c.getValue("name")), text(c.getValue("parent_id")));
    }

    private static BigDecimal decimal(Object v) {
        if (v == null) return null;
        try {
            return new BigDecimal(String.valueOf(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }
}
