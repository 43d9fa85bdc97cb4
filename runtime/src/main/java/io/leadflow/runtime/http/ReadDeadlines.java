package io.leadflow.runtime.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The header deadline against slowloris: a connection must complete a request's headers within
 * the limit of opening (or of its previous answer), else it is closed. Idle traffic keeps no
 * connection alive past that, because the clock does not restart on each byte. The body's
 * deadline is {@link BodyReader}'s; a fully idle connection is closed by the server's idle timeout.
 *
 * <p>One instance per edge verticle; all its state lives on that verticle's event loop.
 */
final class ReadDeadlines {
    private final Vertx vertx;
    private final long headerMillis;
    private final Map<HttpConnection, Long> timers = new HashMap<>();

    ReadDeadlines(Vertx vertx, long headerMillis) {
        this.vertx = vertx;
        this.headerMillis = headerMillis;
    }

    /** A new connection: its first request's headers are due. */
    void opened(HttpConnection c) {
        arm(c);
        c.closeHandler(v -> disarm(c));
    }

    /** The first route of every request: the headers are in; the next ones are due once this request is answered. */
    void headersIn(RoutingContext ctx) {
        HttpConnection c = ctx.request().connection();
        disarm(c);
        ctx.addEndHandler(ar -> arm(c));
        ctx.next();
    }

    private void arm(HttpConnection c) {
        disarm(c);
        timers.put(c, vertx.setTimer(headerMillis, t -> {
            timers.remove(c);
            c.close();
        }));
    }

    private void disarm(HttpConnection c) {
        Long t = timers.remove(c);
        if (t != null) vertx.cancelTimer(t);
    }
}
