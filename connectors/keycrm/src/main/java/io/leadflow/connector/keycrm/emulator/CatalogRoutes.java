package io.leadflow.connector.keycrm.emulator;

import static io.leadflow.connector.keycrm.emulator.KeycrmReplies.*;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * {@code GET /products} ({@code filter[product_id]}, {@code filter[category_id]},
 * {@code filter[is_archived]}), {@code GET /offers} ({@code filter[id]}, {@code filter[product_id]},
 * {@code filter[sku]}, {@code filter[is_archived]}), {@code GET /products/categories}
 * ({@code filter[category_id]}, {@code filter[parent_id]}): pages of at most 50 [C]. The filter
 * names are [C]; how {@code is_archived} is spelled ({@code true}/{@code 1}) is [U]: optimistic
 * reads both, pessimistic ignores the filter (archived records come back too) and lists newest first.
 */
final class CatalogRoutes {
    private final CatalogStore catalog;
    private final BooleanSupplier pessimistic;

    CatalogRoutes(CatalogStore catalog, BooleanSupplier pessimistic) {
        this.catalog = catalog;
        this.pessimistic = pessimistic;
    }

    void mount(Router api) {
        api.get("/products/categories").handler(ctx -> list(ctx, catalog.categories(),
                in(ctx, "category_id", "id").and(in(ctx, "parent_id", "parent_id"))));
        api.get("/products").handler(ctx -> list(ctx, catalog.products(),
                in(ctx, "product_id", "id").and(in(ctx, "category_id", "category_id")).and(archived(ctx))));
        api.get("/offers").handler(ctx -> list(ctx, catalog.offers(),
                in(ctx, "id", "id").and(in(ctx, "product_id", "product_id")).and(in(ctx, "sku", "sku")).and(archived(ctx))));
    }

    private void list(RoutingContext ctx, List<JsonObject> all, Predicate<JsonObject> keep) {
        List<JsonObject> found = new ArrayList<>(all.stream().filter(keep).toList());
        if (pessimistic.getAsBoolean()) Collections.reverse(found);
        JsonObject page = page(ctx, found);
        if (page != null) json(ctx, 200, page);
    }

    private static Predicate<JsonObject> in(RoutingContext ctx, String filter, String field) {
        Set<String> values = filter(ctx, filter);
        return r -> values.isEmpty() || values.contains(String.valueOf(r.getValue(field)));
    }

    private Predicate<JsonObject> archived(RoutingContext ctx) {
        Set<String> v = filter(ctx, "is_archived");
        if (v.isEmpty() || pessimistic.getAsBoolean()) return r -> true;
        boolean want = v.contains("true") || v.contains("1");
        return r -> r.getBoolean("is_archived", false) == want;
    }
}
