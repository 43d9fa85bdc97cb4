package io.leadflow.connector.keycrm.emulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** KeyCRM's answer shapes: bare entities, Laravel-style page objects and error bodies. */
final class KeycrmReplies {
    private KeycrmReplies() { }

    static void json(RoutingContext ctx, int status, Object body) {
        String text = body instanceof JsonObject o ? o.encode() : body instanceof JsonArray a ? a.encode() : String.valueOf(body);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(text);
    }

    /** {@code {message}} — the body third-party clients read on 401/404/400 [P]. */
    static void message(RoutingContext ctx, int status, String message) {
        json(ctx, status, new JsonObject().put("message", message));
    }

    /** 422 {@code {message, errors:{field:[…]}}}: Laravel's validation shape, assumed for KeyCRM [U]. */
    static void invalid(RoutingContext ctx, Map<String, String> errors) {
        JsonObject e = new JsonObject();
        errors.forEach((field, text) -> e.put(field, new JsonArray().add(text)));
        json(ctx, 422, new JsonObject().put("message", "The given data was invalid.").put("errors", e));
    }

    /** The JSON body, or null when it is absent, not JSON or not an object (then a 400 was sent). */
    static JsonObject body(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) return new JsonObject();
        try {
            Object v = ctx.body().asJsonObject();
            return v == null ? new JsonObject() : (JsonObject) v;
        } catch (DecodeException | ClassCastException e) {
            message(ctx, 400, "Malformed JSON body");
            return null;
        }
    }

    /** A page of records: {@code limit} 1–50 (default 15), {@code page} ≥ 1 [C]; null when a 422 was sent. */
    static JsonObject page(RoutingContext ctx, List<JsonObject> records) {
        int limit = intParam(ctx, "limit", 15);
        int page = intParam(ctx, "page", 1);
        if (limit < 1 || limit > 50) {
            invalid(ctx, Map.of("limit", "The limit must be between 1 and 50."));
            return null;
        }
        if (page < 1) {
            invalid(ctx, Map.of("page", "The page must be at least 1."));
            return null;
        }
        int total = records.size();
        int last = Math.max(1, (total + limit - 1) / limit);
        int from = Math.min(total, (page - 1) * limit);
        String base = ctx.request().absoluteURI().replaceAll("\\?.*$", "");
        return new JsonObject().put("total", total).put("current_page", page).put("per_page", limit)
                .put("data", new JsonArray(records.subList(from, Math.min(total, from + limit))))
                .put("first_page_url", base + "?page=1").put("last_page_url", base + "?page=" + last)
                .put("next_page_url", page < last ? base + "?page=" + (page + 1) : null);
    }

    static int intParam(RoutingContext ctx, String name, int fallback) {
        String v = ctx.queryParams().get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code filter[x]=a,b} deepObject list [C], or an empty set. */
    static Set<String> filter(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get("filter[" + name + "]");
        if (v == null || v.isBlank()) return Set.of();
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    static Set<String> include(RoutingContext ctx) {
        String v = ctx.queryParams().get("include");
        return v == null ? Set.of() : Arrays.stream(v.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    static String digits(String s) {
        return s == null ? "" : s.replaceAll("[^0-9]", "");
    }

    static Map<String, String> errors() {
        return new LinkedHashMap<>();
    }
}
