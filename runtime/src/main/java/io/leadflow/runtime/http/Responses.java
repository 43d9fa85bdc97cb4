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

    /** The intake's answer, written by hand: it is the hot path and its shape never varies. */
    public static void accepted(HttpServerResponse res, int status, String leadId, boolean duplicate) {
        if (res.ended() || res.closed()) return;
        StringBuilder b = new StringBuilder(64).append("{\"id\":");
        quote(b, leadId);
        b.append(",\"duplicate\":").append(duplicate).append('}');
        res.setStatusCode(status).putHeader("Content-Type", "application/json").end(b.toString());
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        b.append('"');
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
