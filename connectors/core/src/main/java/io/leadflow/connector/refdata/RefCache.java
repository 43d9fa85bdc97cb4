package io.leadflow.connector.refdata;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reference data of one account (statuses, custom field definitions, users, inventory products
 * by SKU…) cached with Caffeine: loaded once, refreshed in the background after
 * {@code refreshAfter}, dropped after {@code expireAfter}. A steady stream of leads therefore
 * makes no reference-data calls; a refresh failure keeps serving the old value.
 *
 * <p>The loader returns a Vert.x future and runs on the calling thread (it must not block);
 * failed loads are not cached.
 */
public final class RefCache<K, V> {
    private final AsyncLoadingCache<K, V> cache;

    public RefCache(Function<K, Future<V>> loader, Duration refreshAfter, Duration expireAfter, Ticker ticker) {
        this.cache = Caffeine.newBuilder()
                .executor(Runnable::run)
                .ticker(ticker)
                .refreshAfterWrite(refreshAfter)
                .expireAfterWrite(expireAfter)
                .maximumSize(10_000)
                .buildAsync((key, executor) -> toCompletable(loader.apply(key)));
    }

    /** Refresh after 5 minutes, expire after 1 hour, system ticker. */
    public static <K, V> RefCache<K, V> of(Function<K, Future<V>> loader) {
        return new RefCache<>(loader, Duration.ofMinutes(5), Duration.ofHours(1), Ticker.systemTicker());
    }

    /** The cached value, loading it on first use; completes on the caller's Vert.x context. */
    public Future<V> get(K key) {
        Context context = Vertx.currentContext();
        CompletableFuture<V> f = cache.get(key);
        return context == null ? Future.fromCompletionStage(f) : Future.fromCompletionStage(f, context);
    }

    /**
     * Like {@link #get(Object)}, but a miss is loaded with {@code loaderOnMiss}, so the calls it
     * makes can be counted against the effect that needed the value (background refreshes still
     * use the cache's own loader).
     */
    public Future<V> get(K key, Function<K, Future<V>> loaderOnMiss) {
        Context context = Vertx.currentContext();
        CompletableFuture<V> f = cache.get(key, (k, executor) -> toCompletable(loaderOnMiss.apply(k)));
        return context == null ? Future.fromCompletionStage(f) : Future.fromCompletionStage(f, context);
    }

    /** Forget a key (e.g. after the CRM said a cached id no longer exists). */
    public void invalidate(K key) {
        cache.synchronous().invalidate(key);
    }

    private static <T> CompletableFuture<T> toCompletable(Future<T> future) {
        CompletableFuture<T> cf = new CompletableFuture<>();
        future.onComplete(ar -> {
            if (ar.succeeded()) cf.complete(ar.result());
            else cf.completeExceptionally(ar.cause());
        });
        return cf;
    }
}
