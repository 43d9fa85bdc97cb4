package io.leadflow.connector.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterShareTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void off() {
        ClusterShare.off();
        vertx.close().await();
    }

    /** Runs {@code body} on {@code ctx} and returns what it returned. */
    private static <T> T on(Context ctx, Supplier<T> body) throws Exception {
        CompletableFuture<T> out = new CompletableFuture<>();
        ctx.runOnContext(v -> out.complete(body.get()));
        return out.get(10, TimeUnit.SECONDS);
    }

    private static int waitingAfter(TokenBucket bucket, int takes) {
        for (int i = 0; i < takes; i++) bucket.take();
        return bucket.waiting();
    }

    @Test
    void callsOnTheDeliveryContext_takeTheNodesShare_otherCallsTheWholeBucket() throws Exception {
        ClusterShare.set(0.5);
        Context delivery = vertx.getOrCreateContext();
        delivery.put(ClusterShare.KEY, Boolean.TRUE);
        TokenBucket shared = new TokenBucket(new ManualTimers(), 10, Duration.ofHours(1), Duration.ZERO);
        assertEquals(5, on(delivery, () -> waitingAfter(shared, 10)), "half of 10 permits: 5 granted, 5 wait");
        TokenBucket plain = new TokenBucket(new ManualTimers(), 10, Duration.ofHours(1), Duration.ZERO);
        assertEquals(0, on(vertx.getOrCreateContext(), () -> waitingAfter(plain, 10)), "reference data and checks: the whole bucket");
    }

    @Test
    void aShareThatGrows_waitsOneWindow_aShareThatShrinks_appliesAtOnce() throws Exception {
        Context delivery = vertx.getOrCreateContext();
        delivery.put(ClusterShare.KEY, Boolean.TRUE);
        ClusterShare.set(0.5);
        ClusterShare.set(1.0);   // took the partitions of a node that just died: its calls still count in the CRM's window
        TokenBucket grown = new TokenBucket(new ManualTimers(), 10, Duration.ofHours(1), Duration.ZERO);
        assertEquals(5, on(delivery, () -> waitingAfter(grown, 10)), "still half within the window after the change");
        ClusterShare.set(0.2);
        TokenBucket shrunk = new TokenBucket(new ManualTimers(), 10, Duration.ofHours(1), Duration.ZERO);
        assertEquals(8, on(delivery, () -> waitingAfter(shrunk, 10)), "a fifth, at once");
    }

    @Test
    void off_theWholeLimit_asOnOneNode() throws Exception {
        Context delivery = vertx.getOrCreateContext();
        delivery.put(ClusterShare.KEY, Boolean.TRUE);
        TokenBucket bucket = new TokenBucket(new ManualTimers(), 10, Duration.ofHours(1), Duration.ZERO);
        assertEquals(0, on(delivery, () -> waitingAfter(bucket, 10)));
    }
}
