package io.leadflow.connector.ratelimit;

import io.leadflow.spi.RateLimit;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * One CRM account's request budget: {@code permits} requests per {@code period}, handed out in
 * FIFO order without blocking a thread.
 *
 * <p>Each permit comes back exactly one period (plus a small safety margin) after it was taken.
 * That is a token bucket whose refill is tied to use, i.e. a sliding-window log: it never sends
 * more than {@code permits} requests in any window of one period. Why not the classic bucket
 * (capacity N, refill N/period): it may send 2N inside one sliding window, and CRMs that count a
 * sliding window (our emulators do) would answer over-limit. Under a backlog the bucket still
 * uses {@code period / (period + margin)} of the limit (≥ 97%).
 *
 * <p>{@link #pause(Duration)} honours a CRM's Retry-After: no permit is handed out before it ends.
 * Thread-safe; completions run on the Vert.x context that called {@link #acquire()}.
 */
public final class TokenBucket {
    private final Timers timers;
    private final int permits;
    private final long periodNanos;
    private final long marginNanos;
    /** Times (nanoTime) at which used permits come back; oldest first; at most {@code permits}. */
    private final long[] returns;
    private int head;
    private int used;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private long pausedUntil = Long.MIN_VALUE;
    private boolean timerArmed;

    private record Waiter(Promise<Void> promise, Context context) { }

    public TokenBucket(Timers timers, int permits, Duration period, Duration margin) {
        if (permits < 1) throw new IllegalArgumentException("permits must be >= 1, got " + permits);
        if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("period must be positive");
        this.timers = Objects.requireNonNull(timers);
        this.permits = permits;
        this.periodNanos = period.toNanos();
        this.marginNanos = margin.toNanos();
        this.returns = new long[permits];
    }

    /** A bucket at a CRM's documented limit, with the default margin ({@link #defaultMargin}). */
    public static TokenBucket of(Vertx vertx, RateLimit limit) {
        return new TokenBucket(new VertxTimers(vertx), limit.permits(), limit.period(), defaultMargin(limit.period()));
    }

    /** 3% of the period, between 10 ms and 200 ms: absorbs loopback/network jitter between our send and the CRM's count. */
    public static Duration defaultMargin(Duration period) {
        long ms = Math.round(period.toMillis() * 0.03);
        return Duration.ofMillis(Math.max(10, Math.min(200, ms)));
    }

    /** Completes when a permit is free; waiters are served first come, first served. */
    public Future<Void> acquire() {
        Promise<Void> promise = Promise.promise();
        Context context = Vertx.currentContext();
        synchronized (this) {
            waiters.addLast(new Waiter(promise, context));
        }
        drain();
        return promise.future();
    }

    /** No permit is handed out before {@code now + duration} (a CRM's Retry-After). Longer pauses win. */
    public void pause(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) return;
        synchronized (this) {
            pausedUntil = Math.max(pausedUntil, timers.nanoTime() + duration.toNanos());
        }
        drain();
    }

    /** Requests waiting for a permit. */
    public synchronized int waiting() {
        return waiters.size();
    }

    /** Permits that could be taken right now (ignores a pause). */
    public synchronized int available() {
        expire(timers.nanoTime());
        return permits - used;
    }

    private void drain() {
        ArrayDeque<Waiter> granted = new ArrayDeque<>();
        long wakeIn = -1;
        synchronized (this) {
            long now = timers.nanoTime();
            expire(now);
            if (now < pausedUntil) {
                wakeIn = pausedUntil - now;
            } else {
                while (!waiters.isEmpty() && used < permits) {
                    returns[(head + used) % permits] = now + periodNanos + marginNanos;
                    used++;
                    granted.addLast(waiters.pollFirst());
                }
                if (!waiters.isEmpty()) wakeIn = returns[head] - now;
            }
            if (wakeIn >= 0 && !waiters.isEmpty() && !timerArmed) {
                timerArmed = true;
            } else {
                wakeIn = -1;
            }
        }
        if (wakeIn >= 0) {
            timers.schedule(Math.max(1, (wakeIn + 999_999) / 1_000_000), this::onTimer);
        }
        for (Waiter w : granted) {
            if (w.context() == null) w.promise().complete();
            else w.context().runOnContext(v -> w.promise().complete());
        }
    }

    private void onTimer() {
        synchronized (this) {
            timerArmed = false;
        }
        drain();
    }

    private void expire(long now) {
        while (used > 0 && returns[head] <= now) {
            head = (head + 1) % permits;
            used--;
        }
    }
}
