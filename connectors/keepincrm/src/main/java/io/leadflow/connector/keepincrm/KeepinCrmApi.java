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

    /** Every item of a list ({@code {"items": […], "pagination": {"total_pages": n}}} [P]), at most 10 pages. */
    Future<JsonArray> list(String pathAndQuery, CallCount count) {
        return page(pathAndQuery, 1, new JsonArray(), count);
    }

    private Future<JsonArray> page(String pathAndQuery, int page, JsonArray acc, CallCount count) {
        String sep = pathAndQuery.contains("?") ? "&" : "?";
        String uri = "/v1" + pathAndQuery + (page == 1 ? "" : sep + "page=" + page);
        return http.send(CrmRequest.get(uri).header("X-Auth-Token", token).header("Accept", "application/json"), count)
                .compose(r -> {
                    JsonObject body = r.jsonObject();
                    JsonArray items = body == null ? new JsonArray() : body.getJsonArray("items", new JsonArray());
                    acc.addAll(items);
                    int pages = body == null ? 1 : body.getJsonObject("pagination", new JsonObject()).getInteger("total_pages", 1);
                    return page < pages && page < MAX_PAGES ? page(pathAndQuery, page + 1, acc, count) : Future.succeededFuture(acc);
                });
    }
}
