package io.leadflow.connector.refdata;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.contract.Await;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefCacheTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private volatile boolean failing;
    private final RefCache<String, String> cache = new RefCache<>(key -> {
        loads.incrementAndGet();
        return failing ? Future.failedFuture(new IllegalStateException("down")) : Future.succeededFuture(key + "#" + loads.get());
    }, Duration.ofMinutes(5), Duration.ofHours(1), nanos::get);

    @Test
    void steadyUse_loadsOnce() {
        for (int i = 0; i < 100; i++) assertEquals("statuses#1", Await.result(cache.get("statuses")));
        assertEquals(1, loads.get());
    }

    @Test
    void afterRefreshTime_reloadsInTheBackground() {
        Await.result(cache.get("statuses"));
        nanos.addAndGet(Duration.ofMinutes(6).toNanos());
        Await.result(cache.get("statuses"));
        assertEquals(2, loads.get());
        assertEquals("statuses#2", Await.result(cache.get("statuses")));
    }

    @Test
    void failedRefresh_keepsServingTheOldValue() {
        Await.result(cache.get("statuses"));
        failing = true;
        nanos.addAndGet(Duration.ofMinutes(6).toNanos());
        assertEquals("statuses#1", Await.result(cache.get("statuses")));
        assertEquals("statuses#1", Await.result(cache.get("statuses")));
    }

    @Test
    void failedLoad_isNotCached() {
        failing = true;
        Await.failure(cache.get("users"));
        failing = false;
        assertEquals("users#2", Await.result(cache.get("users")));
    }

    @Test
    void missLoader_isUsedOnlyOnAMiss() {
        AtomicInteger counted = new AtomicInteger();
        Await.result(cache.get("fields", k -> { counted.incrementAndGet(); return Future.succeededFuture("x"); }));
        Await.result(cache.get("fields", k -> { counted.incrementAndGet(); return Future.succeededFuture("y"); }));
        assertEquals(1, counted.get());
    }
}
