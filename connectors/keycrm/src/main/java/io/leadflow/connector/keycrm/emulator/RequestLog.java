package io.leadflow.connector.keycrm.emulator;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last 500 API requests as received — method, path, decoded query, content type, body and
 * whether the {@code Authorization} header held a valid Bearer key (never the key itself) — for
 * tests that assert exactly what the connector sent.
 */
final class RequestLog {
    private static final int KEEP = 500;
    private final ArrayDeque<JsonObject> entries = new ArrayDeque<>();

    synchronized void record(RoutingContext ctx, String authorization) {
        JsonObject query = new JsonObject();
        ctx.queryParams().forEach(e -> query.put(e.getKey(), e.getValue()));
        entries.addLast(new JsonObject().put("method", ctx.request().method().name()).put("path", ctx.request().path())
                .put("uri", ctx.request().uri())
                .put("query", query).put("contentType", ctx.request().getHeader("Content-Type"))
                .put("body", ctx.body() == null ? null : ctx.body().asString()).put("authorization", authorization));
        while (entries.size() > KEEP) entries.pollFirst();
    }

    synchronized List<JsonObject> all() {
        return entries.stream().map(JsonObject::copy).toList();
    }

    synchronized void clear() {
        entries.clear();
    }
}
