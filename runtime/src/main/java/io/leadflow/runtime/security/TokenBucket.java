package io.leadflow.runtime.security;

/**
 * A per-source request-rate limit: {@code ratePerSecond} tokens refilled continuously up to
 * {@code burst}. Thread-safe (two event loops may share a source).
 */
public final class TokenBucket {
    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, double burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes one token; returns 0 when granted, else the whole seconds to wait (≥ 1) for the next. */
    public synchronized long tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) * ratePerNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        double waitNanos = (1 - tokens) / ratePerNano;
        return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
    }
}
