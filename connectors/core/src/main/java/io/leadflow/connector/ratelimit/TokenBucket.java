package io.leadflow.connector.ratelimit;

import io.leadflow.spi.RateLimit;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * One CRM account's request budget: {@code permits} requests per {@code period}, handed out in
 * FIFO order without blocking a thread.
 *
 * <p>A permit comes back one period (plus a small margin) after it is {@linkplain Permit#release()
 * released}; {@link CrmHttp} releases it when the call's answer (or failure) arrives, so the CRM
 * has counted the call by then. That is a token bucket whose refill is tied to use, i.e. a
 * sliding-window log that holds even when calls queue for a connection or the network is slow:
 * the account never has more than {@code permits} calls in any window of one period as the CRM
 * counts them. Why not the classic bucket (capacity N, refill N/period): it may send 2N inside
 * one sliding window, and CRMs that count a sliding window (our emulators do) would refuse.
 *
 * <p>{@link #pause(Duration)} honours a CRM's Retry-After: no permit is handed out before it ends.
 * Thread-safe; grants complete on the Vert.x context that asked.
 */
public final class TokenBucket {
    private final Timers timers;
    private final int permits;
    private final long periodNanos;
    private final long marginNanos;
    /** When released permits come back (nanoTime), earliest first. */
    private final PriorityQueue<Long> returns = new PriorityQueue<>();
    private int inFlight;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private long pausedUntil = Long.MIN_VALUE;
    private long timerAt = Long.MAX_VALUE;

    private record Waiter(Promise<Permit> promise, Context context) { }

    /** A granted permit; release it once, when the call it paid for is over. */
    public final class Permit {
        private boolean released;

        public void release() {
            synchronized (TokenBucket.this) {
                if (released) return;
                released = true;
                inFlight--;
                returns.add(timers.nanoTime() + periodNanos + marginNanos);
            }
            drain();
        }
    }

    public TokenBucket(Timers timers, int permits, Duration period, Duration margin) {
        if (permits < 1) throw new IllegalArgumentException("permits must be >= 1, got " + permits);
        if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("period must be positive");
        this.timers = Objects.requireNonNull(timers);
        this.permits = permits;
        this.periodNanos = period.toNanos();
        this.marginNanos = margin.toNanos();
    }

    /** A bucket at a CRM's documented limit, with the default margin ({@link #defaultMargin}). */
    public static TokenBucket of(Vertx vertx, RateLimit limit) {
        return new TokenBucket(new VertxTimers(vertx), limit.permits(), limit.period(), defaultMargin(limit.period()));
    }

    /** 1% of the period, between 5 ms and 200 ms: slack for CRMs that count a little differently. */
    public static Duration defaultMargin(Duration period) {
        long ms = Math.round(period.toMillis() * 0.01);
        return Duration.ofMillis(Math.max(5, Math.min(200, ms)));
    }

    /** Completes with a permit when one is free; first come, first served. */
    public Future<Permit> take() {
        Promise<Permit> promise = Promise.promise();
        Context context = Vertx.currentContext();
        synchronized (this) {
            waiters.addLast(new Waiter(promise, context));
        }
        drain();
        return promise.future();
    }

    /** {@link #take()} for a caller that counts the permit as used at once (it returns one period after the grant). */
    public Future<Void> acquire() {
        return take().map(p -> {
            p.release();
            return null;
        });
    }

    /**
     * A permit now or not at all, for callers that refuse instead of queueing (a source's intake
     * rate, answered 429): when one is free at {@code nowNanos} (nobody waiting, no pause) it is
     * taken, counted used at once (it comes back one period later), and the answer is zero;
     * otherwise nothing is taken and the answer is how long until one is free.
     */
    public synchronized Duration tryAcquire(long nowNanos) {
        expire(nowNanos);
        if (nowNanos < pausedUntil) return Duration.ofNanos(pausedUntil - nowNanos);
        if (waiters.isEmpty() && inFlight + returns.size() < permits) {
            returns.add(nowNanos + periodNanos + marginNanos);
            return Duration.ZERO;
        }
        Long first = returns.peek();
        return Duration.ofNanos(first == null ? periodNanos : Math.max(1, first - nowNanos));
    }

    /**
     * A bucket used only through {@link #tryAcquire(long)}: {@code permits} per {@code period},
     * no margin, no timers (a {@link #take()} that would have to wait fails).
     */
    public static TokenBucket refusing(int permits, Duration period) {
        return new TokenBucket(REFUSING, permits, period, Duration.ZERO);
    }

    private static final Timers REFUSING = new Timers() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void schedule(long delayMillis, Runnable task) {
            throw new IllegalStateException("a refusing bucket (TokenBucket.refusing) never waits: use tryAcquire");
        }
    };

    /** No permit is handed out before {@code now + duration} (a CRM's Retry-After). Longer pauses win. */
    public void pause(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) return;
        synchronized (this) {
            pausedUntil = Math.max(pausedUntil, timers.nanoTime() + duration.toNanos());
        }
        drain();
    }

    /**
     * Counts calls made before this bucket existed (by a previous process, as the CRM still
     * counts them): each permit comes back one period (plus the margin) after its call, as if it
     * had been taken here. {@code ages} are how long ago each call was made.
     */
    public void primeUsed(java.util.List<Duration> ages) {
        synchronized (this) {
            long now = timers.nanoTime();
            for (Duration age : ages) {
                long back = now - age.toNanos() + periodNanos + marginNanos;
                if (back > now && returns.size() < permits) returns.add(back);
            }
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
        return permits - inFlight - returns.size();
    }

    private void drain() {
        ArrayDeque<Waiter> granted = new ArrayDeque<>();
        ArrayDeque<Permit> permitsGranted = new ArrayDeque<>();
        long wakeAt = Long.MAX_VALUE;
        synchronized (this) {
            long now = timers.nanoTime();
            expire(now);
            if (now < pausedUntil) {
                wakeAt = pausedUntil;
            } else {
                boolean heldByShare = false;
                while (!waiters.isEmpty()) {
                    int limit = shared(waiters.peekFirst()) ? ClusterShare.permits(permits, periodNanos + marginNanos) : permits;
                    if (inFlight + returns.size() >= limit) {
                        heldByShare = limit < permits;
                        break;
                    }
                    inFlight++;
                    granted.addLast(waiters.pollFirst());
                    permitsGranted.addLast(new Permit());
                }
                if (!waiters.isEmpty() && !returns.isEmpty()) wakeAt = returns.peek();
                if (heldByShare) wakeAt = Math.min(wakeAt, now + SHARE_RECHECK_NANOS);   // the share may grow with time
            }
            if (waiters.isEmpty() || wakeAt >= timerAt) {
                wakeAt = Long.MAX_VALUE;
            } else {
                timerAt = wakeAt;
            }
            if (wakeAt != Long.MAX_VALUE) {
                long delay = Math.max(1, (wakeAt - now + 999_999) / 1_000_000);
                long armedFor = wakeAt;
                timers.schedule(delay, () -> onTimer(armedFor));
            }
        }
        while (!granted.isEmpty()) {
            Waiter w = granted.pollFirst();
            Permit p = permitsGranted.pollFirst();
            if (w.context() == null) w.promise().complete(p);
            else w.context().runOnContext(v -> w.promise().complete(p));
        }
    }

    /** How often a waiter held back by {@link ClusterShare} looks again (the share grows without a release here). */
    private static final long SHARE_RECHECK_NANOS = 1_000_000_000L;

    /** Whether a waiter's call takes this node's cluster share: it asked on a context marked {@link ClusterShare#KEY}. */
    private static boolean shared(Waiter w) {
        return ClusterShare.on() && w.context() != null && Boolean.TRUE.equals(w.context().get(ClusterShare.KEY));
    }

    private void onTimer(long armedFor) {
        synchronized (this) {
            if (timerAt == armedFor) timerAt = Long.MAX_VALUE;
        }
        drain();
    }

    private void expire(long now) {
        while (!returns.isEmpty() && returns.peek() <= now) returns.poll();
    }
}
