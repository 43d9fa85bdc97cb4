package io.leadflow.connector.http;

import java.util.concurrent.atomic.AtomicInteger;

/** HTTP requests actually sent for one effect or lookup (reported as {@code EffectResult.httpCalls}). */
public final class CallCount {
    private final AtomicInteger count = new AtomicInteger();

    public void increment() {
        count.incrementAndGet();
    }

    public int get() {
        return count.get();
    }
}
