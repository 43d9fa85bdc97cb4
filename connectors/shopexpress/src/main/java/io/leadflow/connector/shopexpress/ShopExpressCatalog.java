package io.leadflow.connector.shopexpress;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.catalog.CatalogTarget;
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
 * pages}}}), {@code POST /products} (201, the product), {@code PATCH /products/{id}}. Every
 * write's answer must show what was sent (else the contract does not hold and the product counts
 * as failed).
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
        return page(1, all).map(v -> all);
    }

    private Future<Void> page(int page, List<ShopProduct> into) {
        return api.send(CrmRequest.get("/products?page=" + page + "&per_page=" + PER_PAGE), new CallCount()).compose(r -> {
            JsonObject body = ShopExpressApi.object(r, "the product list");
            if (!(body.getValue("data") instanceof JsonArray data)) {
                return Future.failedFuture(new PermanentException("Shop-Express answered the product list without data (the API contract"
                        + " is unconfirmed): " + r.text(120), null, r.status()));
            }
            for (Object o : data) if (o instanceof JsonObject p) into.add(product(p));
            JsonObject meta = body.getValue("meta") instanceof JsonObject m ? m : new JsonObject();
            int pages = meta.getValue("pages") instanceof Number n ? n.intValue() : page;
            if (page >= pages || data.isEmpty()) return Future.succeededFuture();
            if (page >= MAX_PAGES) return Future.failedFuture(new PermanentException("Shop-Express lists more than " + MAX_PAGES + " pages", null, 200));
            return page(page + 1, into);
        });
    }

    @Override
    public Future<String> create(Map<String, Object> fields) {
        JsonObject body = body(fields);
        return api.send(CrmRequest.json(HttpMethod.POST, "/products", body, true), new CallCount()).map(r -> {
            JsonObject made = ShopExpressApi.object(r, "the product create");
            if (made.getValue("id") == null || !body.getValue("external_id").equals(made.getValue("external_id"))) {
                throw new PermanentException("Shop-Express accepted the product create (HTTP " + r.status() + ") but its answer does not"
                        + " show the product with external_id " + body.getValue("external_id") + ": the unconfirmed API contract does not hold",
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
                Object want = body.getValue(f);
                Object got = value(shown, f);
                boolean same = want instanceof BigDecimal a && got instanceof BigDecimal b ? a.compareTo(b) == 0 : want.equals(got);
                if (!same) {
                    throw new PermanentException("Shop-Express accepted the change of product " + id + " (HTTP " + r.status()
                            + ") but it reads " + f + " = " + got + ", not " + want + ": the unconfirmed API contract does not hold", f, r.status());
                }
            }
            return null;
        });
    }

    private static JsonObject body(Map<String, Object> fields) {
        JsonObject o = new JsonObject();
        fields.forEach((k, v) -> o.put(k, v instanceof BigDecimal d ? (Object) d : v));
        return o;
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
            case "visible" -> p.visible();
            case "available" -> p.available();
            default -> null;
        };
    }

    private static ShopProduct product(JsonObject p) {
        return new ShopProduct(text(p.getValue("id")), text(p.getValue("external_id")), text(p.getValue("sku")), text(p.getValue("barcode")),
                text(p.getValue("name")), text(p.getValue("description")), decimal(p.getValue("price")), decimal(p.getValue("quantity")),
                p.getValue("visible") instanceof Boolean b ? b : null, p.getValue("available") instanceof Boolean b ? b : null);
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
