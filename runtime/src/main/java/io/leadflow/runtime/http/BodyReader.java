package io.leadflow.runtime.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body up to a limit and a deadline without buffering more: a declared or actual
 * size past the limit fails with a 413 refusal as soon as it is known; a body not complete
 * within the deadline (a stalled or trickling sender) fails with a 408.
 */
final class BodyReader {
    private BodyReader() { }

    static Future<Buffer> read(Vertx vertx, HttpServerRequest req, int limit, long deadlineMillis) {
        String cl = req.getHeader("Content-Length");
        if (cl != null) {
            try {
                if (Long.parseLong(cl.trim()) > limit) return Future.failedFuture(tooLarge(limit));
            } catch (NumberFormatException e) {
                return Future.failedFuture(new Refusal(400, "bad_content_length", "Content-Length is not a number"));
            }
        }
        Promise<Buffer> p = Promise.promise();
        Buffer acc = Buffer.buffer(cl == null ? 1024 : (int) Math.min(limit, Long.parseLong(cl.trim())));
        long timer = vertx.setTimer(deadlineMillis, t -> {
            if (p.tryFail(new Refusal(408, "body_timeout", "the body did not arrive within " + deadlineMillis / 1000.0 + " s"))) req.pause();
        });
        p.future().onComplete(ar -> vertx.cancelTimer(timer));
        req.handler(b -> {
            if (acc.length() + b.length() > limit) {
                if (p.tryFail(tooLarge(limit))) req.pause();
            } else {
                acc.appendBuffer(b);
            }
        });
        req.endHandler(v -> p.tryComplete(acc));
        req.exceptionHandler(e -> p.tryFail(new Refusal(400, "body_unreadable", "the body could not be read: " + e.getMessage())));
        req.resume();
        return p.future();
    }

    private static Refusal tooLarge(int limit) {
        return new Refusal(413, "body_too_large", "the body is larger than " + (limit / 1024) + " KiB");
    }
}
