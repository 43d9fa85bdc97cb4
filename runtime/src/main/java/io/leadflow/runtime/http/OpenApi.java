package io.leadflow.runtime.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3 document of every route (shipped in the jar, no auth:
 * it holds no secret). {@code OpenApiTest} keeps it true: its paths and methods are the router's,
 * and real answers validate against its schemas.
 */
public final class OpenApi {
    private static final byte[] DOCUMENT = load();

    private OpenApi() { }

    /** The document's bytes. */
    public static byte[] document() {
        return DOCUMENT.clone();
    }

    static void handle(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache").end(Buffer.buffer(DOCUMENT));
    }

    private static byte[] load() {
        try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) throw new IllegalStateException("openapi.json is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
