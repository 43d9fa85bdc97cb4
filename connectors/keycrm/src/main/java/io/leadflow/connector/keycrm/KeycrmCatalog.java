package io.leadflow.connector.keycrm;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.catalog.CatalogCategory;
import io.leadflow.connector.catalog.CatalogItem;
import io.leadflow.connector.catalog.CatalogSource;
import io.leadflow.connector.catalog.CatalogVariant;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * KeyCRM's catalog as the product sync reads it (crm-apis.md §2 [C]): {@code GET /products}
 * ({@code filter[category_id]}, {@code filter[is_archived]=false}) and {@code GET /offers}
 * ({@code filter[is_archived]=false}) and {@code GET /products/categories} ({@code id, name,
 * parent_id}), every page of 50, with the account's key and rate limit.
 * The filters are re-checked on every record (a product outside the categories or archived is
 * left out whatever the answer holds: how {@code is_archived} is spelled is [U]). One shop product
 * per KeyCRM product: SKU and name from the product; barcode, price and stock from its offers
 * (the first offer's barcode and price, the stock summed), else the product's {@code min_price}
 * and {@code quantity}; its offers in id order as variants (offer id, SKU, barcode, price, stock).
 */
public final class KeycrmCatalog implements CatalogSource {
    static final int PAGE = 50;
    static final int MAX_PAGES = 2000;

    private final KeycrmClient client;

    private KeycrmCatalog(KeycrmClient client) {
        this.client = client;
    }

    public static KeycrmCatalog open(Vertx vertx, AccountConfig config) {
        KeycrmSettings settings = KeycrmSettings.of(config);
        CrmHttp http = CrmHttp.forAccount(vertx, KeycrmSchema.DESCRIPTOR, config, settings.apiBase(), settings.timeout(), new KeycrmErrors());
        return new KeycrmCatalog(new KeycrmClient(http, config.secret(AccountConfig.API_KEY)));
    }

    public Future<Void> close() {
        return client.http().close();
    }

    @Override
    public Future<List<CatalogItem>> items(Set<String> categories) {
        CallCount count = new CallCount();
        String cat = categories.isEmpty() ? "" : "&filter[category_id]=" + URLEncoder.encode(String.join(",", new TreeSet<>(categories)),
                StandardCharsets.UTF_8);
        List<JsonObject> products = new ArrayList<>();
        List<JsonObject> offers = new ArrayList<>();
        return pages("/products?filter[is_archived]=false" + cat, 1, products, count)
                .compose(v -> pages("/offers?filter[is_archived]=false", 1, offers, count))
                .map(v -> items(products, offers, categories));
    }

    @Override
    public Future<List<CatalogCategory>> categories() {
        List<JsonObject> all = new ArrayList<>();
        return pages("/products/categories", 1, all, new CallCount()).map(v -> {
            List<CatalogCategory> out = new ArrayList<>();
            for (JsonObject c : all) {
                if (c.getValue("id") == null) continue;
                out.add(new CatalogCategory(String.valueOf(c.getValue("id")), text(c.getValue("name")), text(c.getValue("parent_id"))));
            }
            return out;
        });
    }

    private Future<Void> pages(String uri, int page, List<JsonObject> into, CallCount count) {
        return client.get(uri + (uri.contains("?") ? "&" : "?") + "limit=" + PAGE + "&page=" + page, count).compose(p -> {
            if (!(p.getValue("data") instanceof JsonArray data)) {
                return Future.failedFuture(new PermanentException("KeyCRM answered " + uri.replaceAll("\\?.*$", "")
                        + " without a data list: " + p.encode().substring(0, Math.min(120, p.encode().length())), null, 200));
            }
            for (Object o : data) if (o instanceof JsonObject j) into.add(j);
            boolean more = p.getValue("next_page_url") != null && !data.isEmpty();
            if (!more) return Future.succeededFuture();
            if (page >= MAX_PAGES) {
                return Future.failedFuture(new PermanentException("KeyCRM " + uri.replaceAll("\\?.*$", "") + " still has pages after "
                        + MAX_PAGES + "; refusing rather than reading without end", null, 200));
            }
            return pages(uri, page + 1, into, count);
        });
    }

    private static List<CatalogItem> items(List<JsonObject> products, List<JsonObject> offers, Set<String> categories) {
        Map<String, List<JsonObject>> byProduct = new HashMap<>();
        for (JsonObject o : offers) {
            if (archived(o) || o.getValue("product_id") == null) continue;
            byProduct.computeIfAbsent(String.valueOf(o.getValue("product_id")), k -> new ArrayList<>()).add(o);
        }
        Map<String, CatalogItem> out = new java.util.LinkedHashMap<>();
        for (JsonObject p : products) {
            if (p.getValue("id") == null || archived(p)) continue;
            String category = p.getValue("category_id") == null ? null : String.valueOf(p.getValue("category_id"));
            if (!categories.isEmpty() && (category == null || !categories.contains(category))) continue;
            String id = String.valueOf(p.getValue("id"));
            List<JsonObject> own = new ArrayList<>(byProduct.getOrDefault(id, List.of()));
            own.sort(Comparator.comparingLong(o -> number(o.getValue("id")).longValue()));
            JsonObject first = own.isEmpty() ? null : own.get(0);
            BigDecimal price = first != null && first.getValue("price") != null ? number(first.getValue("price")) : decimal(p.getValue("min_price"));
            BigDecimal stock = own.isEmpty() ? decimal(p.getValue("quantity"))
                    : own.stream().map(o -> decimal(o.getValue("quantity"))).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<CatalogVariant> variants = own.stream().map(o -> new CatalogVariant(String.valueOf(o.getValue("id")), text(o.getValue("sku")),
                    text(o.getValue("barcode")), decimal(o.getValue("price")), decimal(o.getValue("quantity")))).toList();
            out.put(id, new CatalogItem(id, text(p.getValue("sku")), first == null ? null : text(first.getValue("barcode")),
                    text(p.getValue("name")), text(p.getValue("description")), price, stock, category, variants));
        }
        return List.copyOf(out.values());
    }

    private static boolean archived(JsonObject r) {
        Object v = r.getValue("is_archived");
        return Boolean.TRUE.equals(v) || "1".equals(String.valueOf(v)) || "true".equals(String.valueOf(v));
    }

    private static BigDecimal decimal(Object v) {
        return v == null ? null : number(v);
    }

    private static BigDecimal number(Object v) {
        try {
            return new BigDecimal(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new PermanentException("KeyCRM gave a catalog number that is not a number: " + v, null, 200);
        }
    }

    private static String text(Object v) {
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).trim();
    }
}
