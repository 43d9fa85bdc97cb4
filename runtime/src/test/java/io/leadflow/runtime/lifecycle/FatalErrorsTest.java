package io.leadflow.runtime.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.testkit.EdgeFixture;
import io.leadflow.runtime.testkit.MemoryJournal;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 point 13: an out-of-memory error on an event loop (or any thread) ends the process
 * with status 70 and liveness says so; no zombie that answers 503 to every lead while
 * {@code /health/live} stays 200. The process exit is replaced by a recorder here.
 */
class FatalErrorsTest {

    @AfterEach
    void reset() {
        FatalErrors.onExitForTests(status -> Runtime.getRuntime().halt(status));
    }

    @Test
    void errorOnAnEventLoop_endsTheProcess_andLivenessTurnsFalse() throws Exception {
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        FatalErrors.onExitForTests(exited::complete);
        try (EdgeFixture edge = new EdgeFixture(new MemoryJournal(), Map.of(), Limits.DEFAULTS, Clock.systemUTC(), "f")) {
            FatalErrors.install(edge.vertx);
            assertEquals(200, edge.get("/health/live").statusCode());
            edge.vertx.runOnContext(v -> {
                throw new OutOfMemoryError("Java heap space (test)");
            });
            assertEquals(FatalErrors.STATUS, exited.get(10, TimeUnit.SECONDS));
            var live = edge.get("/health/live");
            assertEquals(503, live.statusCode());
            assertTrue(live.body().contains("OutOfMemoryError"), live.body());
            assertEquals(503, edge.get("/health").statusCode());
        }
    }

    @Test
    void errorInAPlainThread_endsTheProcessToo() throws Exception {
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        FatalErrors.onExitForTests(exited::complete);
        try (EdgeFixture edge = new EdgeFixture(new MemoryJournal(), Map.of(), Limits.DEFAULTS, Clock.systemUTC(), "f")) {
            FatalErrors.install(edge.vertx);
            Thread t = new Thread(() -> {
                throw new StackOverflowError("test");
            }, "some-worker");
            t.start();
            t.join();
            assertEquals(FatalErrors.STATUS, exited.get(10, TimeUnit.SECONDS));
            assertTrue(FatalErrors.fatal().contains("some-worker"), FatalErrors.fatal());
        }
    }

    @Test
    void anEventLoopThatEndsWhileTheProcessRuns_endsTheProcess_butClosingVertxDoesNot() throws Exception {
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        FatalErrors.onExitForTests(exited::complete);
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        FatalErrors.install(vertx);
        // as if an exception had escaped Netty's loop itself: that loop's thread ends, nothing else is told
        ((io.vertx.core.internal.VertxInternal) vertx).nettyEventLoopGroup().next().shutdownGracefully(0, 0, TimeUnit.SECONDS);
        assertEquals(FatalErrors.STATUS, exited.get(10, TimeUnit.SECONDS));
        assertTrue(FatalErrors.fatal().contains("event loop"), FatalErrors.fatal());
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        CompletableFuture<Integer> again = new CompletableFuture<>();
        FatalErrors.onExitForTests(again::complete);
        io.vertx.core.Vertx closing = io.vertx.core.Vertx.vertx();
        FatalErrors.install(closing);
        closing.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("leadflow-event-loop-watch")) t.join(10_000);   // every watcher has seen the close and stopped
        }
        assertTrue(!again.isDone() && FatalErrors.fatal() == null, "a normal close is not fatal: " + FatalErrors.fatal());
    }
}
