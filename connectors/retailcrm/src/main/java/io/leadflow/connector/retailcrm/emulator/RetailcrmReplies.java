package io.leadflow.connector.retailcrm.emulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/** RetailCRM's envelopes: {@code {success:true, …}} and {@code {success:false, errorMsg, errors}} [C]. */
final class RetailcrmReplies {
    private static final List<Integer> LIMITS = List.of(20, 50, 100);

    private RetailcrmReplies() { }

    static void send(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended()) return;
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=UTF-8").end(body.encode());
    }

    static JsonObject ok() {
        return new JsonObject().put("success", true);
    }

    static void error(RoutingContext ctx, int status, String errorMsg) {
        send(ctx, status, new JsonObject().put("success", false).put("errorMsg", errorMsg));
    }

    /** 400 "Errors in the entity format" with {@code errors} as an object of field → message [C]. */
    static void invalid(RoutingContext ctx, Map<String, String> errors) {
        JsonObject e = new JsonObject();
        errors.forEach(e::put);
        send(ctx, 400, new JsonObject().put("success", false).put("errorMsg", "Errors in the entity format").put("errors", e));
    }

    /**
     * The JSON entity carried in one form field of an {@code application/x-www-form-urlencoded}
     * POST ({@code order=<JSON>}) [C]; null when a 400 was sent. A JSON body is not read: the
     * field is then simply missing, as on the real API.
     */
    static JsonObject entity(RoutingContext ctx, String field) {
        String type = ctx.request().getHeader("Content-Type");
        String raw = type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")
                ? ctx.request().getFormAttribute(field) : null;
        if (raw == null || raw.isBlank()) {
            error(ctx, 400, "Parameter '" + field + "' is missing");
            return null;
        }
        try {
            return new JsonObject(raw);
        } catch (DecodeException | ClassCastException e) {
            error(ctx, 400, "Errors in the entity format");
            return null;
        }
    }

    /** {@code by=id|externalId}; the API reads {@code externalId} when it is absent [C]. */
    static String by(RoutingContext ctx) {
        String by = ctx.request().getParam("by");
        return by == null ? "externalId" : by;
    }

    /** A list answer with {@code pagination}; {@code limit} ∈ {20, 50, 100} [C]; null when a 400 was sent. */
    static JsonObject page(RoutingContext ctx, String key, List<JsonObject> records) {
        int limit = number(ctx, "limit", 20);
        int page = number(ctx, "page", 1);
        if (!LIMITS.contains(limit)) {
            invalid(ctx, Map.of("limit", "The value you selected is not a valid choice."));
            return null;
        }
        if (page < 1) {
            invalid(ctx, Map.of("page", "This value should be greater than or equal to 1."));
            return null;
        }
        int total = records.size();
        int from = Math.min(total, (page - 1) * limit);
        return ok().put("pagination", new JsonObject().put("limit", limit).put("totalCount", total).put("currentPage", page)
                        .put("totalPageCount", Math.max(1, (total + limit - 1) / limit)))
                .put(key, new JsonArray(records.subList(from, Math.min(total, from + limit))));
    }

    private static int number(RoutingContext ctx, String name, int fallback) {
        String v = ctx.request().getParam(name);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static List<String> list(RoutingContext ctx, String name) {
        return ctx.queryParams().getAll(name);
    }

    static String digits(String s) {
        return s == null ? "" : s.replaceAll("[^0-9]", "");
    }
}
