package io.leadflow.connector.contract;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a future on the test thread (never an event loop), for tests only. */
public final class Await {
    private Await() { }

    public static <T> T result(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected success, got " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no answer within 20 s", e);
        }
    }

    /** The failure of a future that must fail. */
    public static Throwable failure(Future<?> future) {
        try {
            Object v = future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + v);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no answer within 20 s", e);
        }
    }

    /** The failure of a future that must fail with that type. */
    public static <E extends Throwable> E failure(Future<?> future, Class<E> type) {
        Throwable t = failure(future);
        if (!type.isInstance(t)) throw new AssertionError("expected " + type.getSimpleName() + ", got " + t, t);
        return type.cast(t);
    }
}
