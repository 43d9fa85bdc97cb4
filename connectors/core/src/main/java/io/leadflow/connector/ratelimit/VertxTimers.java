package io.leadflow.connector.ratelimit;

import io.vertx.core.Vertx;

/** {@link Timers} on the Vert.x timer wheel, so waiting for a permit never blocks a thread. */
public final class VertxTimers implements Timers {
    private final Vertx vertx;

    public VertxTimers(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void schedule(long delayMillis, Runnable task) {
        vertx.setTimer(Math.max(1, delayMillis), id -> task.run());
    }
}
