package io.leadflow.connector.keepincrm;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmRequest;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** KeepinCRM calls: JSON with {@code X-Auth-Token} under {@code /v1}; lists read page by page. */
final class KeepinCrmApi {
    private static final int MAX_PAGES = 10;
    private final CrmHttp http;
    private final String token;

    KeepinCrmApi(CrmHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    Future<JsonObject> send(HttpMethod method, String path, JsonObject body, CallCount count) {
        return http.send(CrmRequest.json(method, "/v1" + path, body, true).header("X-Auth-Token", token), count)
                .map(r -> r.jsonObject());
    }

    /** One record read ({@code GET /v1<path>}); a read, so safe to resend. */
    Future<JsonObject> get(String path, CallCount count) {
        return http.send(CrmRequest.get("/v1" + path).header("X-Auth-Token", token).header("Accept", "application/json"), count)
                .map(r -> r.jsonObject());
    }

    /** What a list read returned: its items, and whether they are all of them (no page left unread). */
    record Listing(JsonArray items, boolean complete) { }

    /** Every item of a list ({@code {"items": […], "pagination": {"total_pages": n}}} [P]), at most 10 pages. */
    Future<JsonArray> list(String pathAndQuery, CallCount count) {
        return listing(pathAndQuery, count).map(Listing::items);
    }

    /**
     * The items of a list, at most 10 pages, saying whether pages were left unread. A search whose
     * filter KeepinCRM ignores (Ransack drops unknown conditions [U]) answers the whole list, so a
     * caller that must not guess checks {@link Listing#complete()}.
     */
    Future<Listing> listing(String pathAndQuery, CallCount count) {
        return page(pathAndQuery, 1, new JsonArray(), count);
    }

    private Future<Listing> page(String pathAndQuery, int page, JsonArray acc, CallCount count) {
        String sep = pathAndQuery.contains("?") ? "&" : "?";
        String uri = "/v1" + pathAndQuery + (page == 1 ? "" : sep + "page=" + page);
        return http.send(CrmRequest.get(uri).header("X-Auth-Token", token).header("Accept", "application/json"), count)
                .compose(r -> {
                    JsonObject body = r.jsonObject();
                    JsonArray items = body == null ? new JsonArray() : body.getJsonArray("items", new JsonArray());
                    acc.addAll(items);
                    int pages = body == null ? 1 : body.getJsonObject("pagination", new JsonObject()).getInteger("total_pages", 1);
                    if (page < pages && page < MAX_PAGES) return page(pathAndQuery, page + 1, acc, count);
                    return Future.succeededFuture(new Listing(acc, page >= pages));
                });
    }
}
