package io.leadflow.connector.shopexpress.emulator;

import static io.leadflow.connector.shopexpress.emulator.ShopReplies.*;

import io.leadflow.connector.emulator.WriteReply;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The catalog part of the guessed API [U]: {@code GET /products} (paged), {@code POST /products}
 * (201; 409 when the {@code external_id} is taken, so a resent create cannot make a twin),
 * {@code PATCH /products/{id}}, {@code GET /categories} (paged), {@code POST /categories}
 * ({@code name} required, {@code parent_id} an existing category, 409 when the {@code external_id}
 * is taken), {@code PATCH /categories/{id}} (rename, move, link). Product fields: {@code external_id, sku, barcode, name, description, price, quantity,
 * category_id} (an existing category, else 422), {@code visible, available}, {@code variants}
 * ({@code [{external_id, sku, barcode, price, quantity}]}, replaced whole by a change). All of it is this
 * emulator's own guess: no Shop-Express API is public.
 */
final class CatalogRoutes {
    static final List<String> PRODUCT_FIELDS = List.of("external_id", "sku", "barcode", "name", "description", "price",
            "quantity", "category_id", "visible", "available", "variants");

    private final ShopData data;
    private final WriteReply writes;

    CatalogRoutes(ShopData data, WriteReply writes) {
        this.data = data;
        this.writes = writes;
    }

    void mount(Router api) {
        api.get("/products").handler(ctx -> {
            JsonObject page = page(ctx, data.products());
            if (page != null) json(ctx, 200, page);
        });
        api.post("/products").handler(this::handleCreate);
        api.patch("/products/:id").handler(this::handleChange);
        api.get("/categories").handler(ctx -> {
            JsonObject page = page(ctx, data.categories());
            if (page != null) json(ctx, 200, page);
        });
        api.post("/categories").handler(this::handleCategory);
        api.patch("/categories/:id").handler(this::handleCategoryChange);
    }

    /**
     * {@code PATCH /categories/{id}} {@code {name?, parent_id?, external_id?}}: renamed, moved (null:
     * to the root), linked. 404 for no such category; 422 for a blank name, a parent that is no
     * category, the category itself or one below it; 409 when another category has the external_id.
     */
    private void handleCategoryChange(RoutingContext ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            error(ctx, 404, "not_found", "no category " + ctx.pathParam("id"), null);
            return;
        }
        JsonObject body = body(ctx);
        if (body == null) return;
        if (!data.hasCategory(id)) {
            error(ctx, 404, "not_found", "no category " + id, null);
            return;
        }
        if (body.containsKey("name") && (!(body.getValue("name") instanceof String name) || name.isBlank())) {
            error(ctx, 422, "required", "name must be a non-empty text", "name");
            return;
        }
        Object parent = body.getValue("parent_id");
        if (parent != null && (!data.hasCategory(parent) || data.isWithin(parent, id))) {
            error(ctx, 422, data.hasCategory(parent) ? "cycle" : "not_found", data.hasCategory(parent)
                    ? "category " + parent + " is " + id + " or below it: it cannot be its parent" : "no category " + parent + " to be the parent", "parent_id");
            return;
        }
        Object external = body.getValue("external_id");
        if (external != null && data.categoryByExternalId(String.valueOf(external)).filter(c -> c.getLong("id") != id).isPresent()) {
            error(ctx, 409, "duplicate", "a category with external_id " + external + " exists", "external_id");
            return;
        }
        JsonObject change = new JsonObject();
        for (String f : List.of("name", "parent_id", "external_id")) {
            if (body.containsKey(f)) change.put(f, f.equals("external_id") && external != null ? String.valueOf(external) : body.getValue(f));
        }
        writes.reply(ctx, 200, data.changeCategory(id, change));
    }

    private void handleCreate(RoutingContext ctx) {
        JsonObject body = body(ctx);
        if (body == null || !valid(ctx, body, true)) return;
        String external = body.getValue("external_id") == null ? null : String.valueOf(body.getValue("external_id"));
        if (external != null && data.productByExternalId(external).isPresent()) {
            error(ctx, 409, "duplicate", "a product with external_id " + external + " exists", "external_id");
            return;
        }
        writes.reply(ctx, 201, data.addProduct(known(body)));
    }

    private void handleChange(RoutingContext ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            error(ctx, 404, "not_found", "no product " + ctx.pathParam("id"), null);
            return;
        }
        JsonObject body = body(ctx);
        if (body == null || !valid(ctx, body, false)) return;
        data.changeProduct(id, known(body)).ifPresentOrElse(p -> writes.reply(ctx, 200, p),
                () -> error(ctx, 404, "not_found", "no product " + id, null));
    }

    private void handleCategory(RoutingContext ctx) {
        JsonObject body = body(ctx);
        if (body == null) return;
        if (!(body.getValue("name") instanceof String name) || name.isBlank()) {
            error(ctx, 422, "required", "name is required", "name");
            return;
        }
        Object parent = body.getValue("parent_id");
        if (parent != null && !data.hasCategory(parent)) {
            error(ctx, 422, "not_found", "no category " + parent + " to be the parent", "parent_id");
            return;
        }
        Object external = body.getValue("external_id");
        if (external != null && data.categoryByExternalId(String.valueOf(external)).isPresent()) {
            error(ctx, 409, "duplicate", "a category with external_id " + external + " exists", "external_id");
            return;
        }
        writes.reply(ctx, 201, data.addCategory(new JsonObject().put("name", name)
                .put("parent_id", parent).put("external_id", external == null ? null : String.valueOf(external))));
    }

    private boolean valid(RoutingContext ctx, JsonObject body, boolean create) {
        Object category = body.getValue("category_id");
        if (category != null && !data.hasCategory(category)) {
            error(ctx, 422, "not_found", "no category " + category, "category_id");
            return false;
        }
        return validFields(ctx, body, create);
    }

    private static boolean validFields(RoutingContext ctx, JsonObject body, boolean create) {
        if (create && (!(body.getValue("name") instanceof String n) || n.isBlank())) {
            error(ctx, 422, "required", "name is required", "name");
            return false;
        }
        for (String f : List.of("price", "quantity")) {
            if (body.getValue(f) != null && !(body.getValue(f) instanceof Number)) {
                error(ctx, 422, "not_a_number", f + " must be a number", f);
                return false;
            }
        }
        if (body.containsKey("variants")) {
            if (!(body.getValue("variants") instanceof io.vertx.core.json.JsonArray variants)) {
                error(ctx, 422, "not_a_list", "variants must be a list", "variants");
                return false;
            }
            for (Object v : variants) {
                if (!(v instanceof JsonObject o) || o.getValue("price") != null && !(o.getValue("price") instanceof Number)
                        || o.getValue("quantity") != null && !(o.getValue("quantity") instanceof Number)) {
                    error(ctx, 422, "bad_variant", "each variant must be an object whose price and quantity are numbers", "variants");
                    return false;
                }
            }
        }
        for (String f : List.of("visible", "available")) {
            if (body.getValue(f) != null && !(body.getValue(f) instanceof Boolean)) {
                error(ctx, 422, "not_a_boolean", f + " must be true or false", f);
                return false;
            }
        }
        return true;
    }

    private static JsonObject known(JsonObject body) {
        JsonObject out = new JsonObject();
        for (String f : PRODUCT_FIELDS) if (body.containsKey(f)) out.put(f, body.getValue(f));
        return out;
    }
}
