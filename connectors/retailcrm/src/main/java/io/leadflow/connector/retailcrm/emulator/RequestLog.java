package io.leadflow.connector.retailcrm.emulator;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

/** The last 500 API requests as received, for tests that assert paths, parameters and encodings; API keys are never kept. */
final class RequestLog {
    private static final int KEEP = 500;
    private final ArrayDeque<JsonObject> entries = new ArrayDeque<>();

    synchronized void record(RoutingContext ctx, Predicate<String> validKey) {
        String key = RetailcrmEmulator.apiKey(ctx);
        JsonObject params = new JsonObject();
        ctx.queryParams().forEach(e -> params.put(e.getKey(), e.getValue()));
        JsonObject entry = new JsonObject().put("method", ctx.request().method().name()).put("path", ctx.request().path())
                .put("uri", ctx.request().uri())
                .put("query", params).put("contentType", ctx.request().getHeader("Content-Type"))
                .put("body", ctx.body() == null ? null : ctx.body().asString())
                .put("apiKeyHeader", ctx.request().getHeader("X-API-KEY") != null)
                .put("apiKey", key == null ? "missing" : validKey.test(key) ? "valid" : "wrong");
        entries.addLast(entry);
        while (entries.size() > KEEP) entries.pollFirst();
    }

    synchronized List<JsonObject> all() {
        return entries.stream().map(JsonObject::copy).toList();
    }

    synchronized void clear() {
        entries.clear();
    }
}
