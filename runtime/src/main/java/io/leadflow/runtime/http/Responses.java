package io.leadflow.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** JSON answers: every refusal is {@code {"error": code, "message": …}}; the same shape everywhere. */
public final class Responses {
    static final ObjectMapper JSON = new ObjectMapper();

    private Responses() { }

    public static void refuse(RoutingContext ctx, Refusal r) {
        refuse(ctx.response(), r);
    }

    public static void refuse(HttpServerResponse res, Refusal r) {
        if (res.ended() || res.closed()) return;
        if (r.retryAfterSeconds() > 0) res.putHeader("Retry-After", Long.toString(r.retryAfterSeconds()));
        ObjectNode body = JSON.createObjectNode().put("error", r.code()).put("message", r.getMessage());
        json(res, r.status(), body);
    }

    public static void json(HttpServerResponse res, int status, Object body) {
        if (res.ended() || res.closed()) return;
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a response", e);
        }
        res.setStatusCode(status).putHeader("Content-Type", "application/json").end(Buffer.buffer(bytes));
    }
}
