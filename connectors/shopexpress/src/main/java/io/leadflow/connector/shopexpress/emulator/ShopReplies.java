package io.leadflow.connector.shopexpress.emulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** The emulated shop's answer shapes [U]: bare entities, {@code {data, meta}} lists, {@code {error:{code,message,field}}}. */
final class ShopReplies {
    static final int MAX_PER_PAGE = 100;

    private ShopReplies() { }

    static void json(RoutingContext ctx, int status, Object body) {
        String text = body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(text);
    }

    static void error(RoutingContext ctx, int status, String code, String message, String field) {
        JsonObject e = new JsonObject().put("code", code).put("message", message);
        if (field != null) e.put("field", field);
        json(ctx, status, new JsonObject().put("error", e));
    }

    /** The JSON object body, or null when a 400 was sent. */
    static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject o = ctx.body().asJsonObject();
            if (o != null) return o;
        } catch (DecodeException | ClassCastException e) {
            // answered below
        }
        error(ctx, 400, "bad_json", "the body must be a JSON object", null);
        return null;
    }

    /** {@code page} ≥ 1 and {@code per_page} 1–100 (default 50); null when a 422 was sent. */
    static JsonObject page(RoutingContext ctx, List<JsonObject> all) {
        int page = intParam(ctx, "page", 1);
        int per = intParam(ctx, "per_page", 50);
        if (page < 1 || per < 1 || per > MAX_PER_PAGE) {
            error(ctx, 422, "invalid_paging", "page must be at least 1 and per_page between 1 and " + MAX_PER_PAGE, page < 1 ? "page" : "per_page");
            return null;
        }
        int from = Math.min(all.size(), (page - 1) * per);
        int pages = Math.max(1, (all.size() + per - 1) / per);
        return new JsonObject().put("data", new JsonArray(all.subList(from, Math.min(all.size(), from + per))))
                .put("meta", new JsonObject().put("page", page).put("per_page", per).put("pages", pages).put("total", all.size()));
    }

    private static int intParam(RoutingContext ctx, String name, int fallback) {
        String v = ctx.queryParams().get(name);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
