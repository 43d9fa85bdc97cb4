package io.leadflow.runtime.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One circuit breaker per CRM account (RELIABILITY.md §6.3). After {@code threshold} retryable
 * failures in a row the account's breaker opens: its leads are <em>parked</em> in memory (no
 * call, no attempt counted, no journal write, so no retry budget is spent and nothing becomes a
 * dead letter) until the open time ends. Then exactly one lead runs as the probe while the rest
 * stay parked: success closes the breaker, failure opens it again for twice as long (up to
 * {@code maxOpen}). A CRM's Retry-After lengthens the open time. Confined to the executor's context.
 */
final class AccountBreakers {
    private static final Logger LOG = Logger.getLogger(AccountBreakers.class.getName());
    /** How often a parked lead asks again while the probe is out. */
    static final Duration PROBE_WAIT = Duration.ofMillis(500);

    private final int threshold;
    private final Duration openFor;
    private final Duration maxOpen;
    private final Map<String, Breaker> byAccount = new HashMap<>();

    private static final class Breaker {
        int failures;
        Instant openUntil;
        Duration lastOpen;
        boolean probing;
    }

    AccountBreakers(int threshold, Duration openFor, Duration maxOpen) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.maxOpen = maxOpen;
    }

    /** Null when a call to the account may go now (closed, or this caller is the probe); else park until then. */
    Instant admit(String account, Instant now) {
        Breaker b = byAccount.get(account);
        if (b == null || b.openUntil == null) return null;
        if (now.isBefore(b.openUntil)) return b.openUntil;
        if (b.probing) return now.plus(PROBE_WAIT);
        b.probing = true;
        LOG.info(() -> "circuit " + account + ": half-open, one probe");
        return null;
    }

    /** When a parked caller should ask again (without becoming the probe): now when the circuit is closed. */
    Instant nextProbeAt(String account, Instant now) {
        Breaker b = byAccount.get(account);
        if (b == null || b.openUntil == null) return now;
        if (now.isBefore(b.openUntil)) return b.openUntil;
        return b.probing ? now.plus(PROBE_WAIT) : now;
    }

    /** A retryable failure of a call to the account (5xx, 429, timeout, connection). */
    void failed(String account, Duration retryAfter, Instant now) {
        Breaker b = byAccount.computeIfAbsent(account, k -> new Breaker());
        if (b.probing) {
            b.probing = false;
            open(account, b, Duration.ofMillis(Math.min(maxOpen.toMillis(), b.lastOpen.toMillis() * 2)), retryAfter, now, "the probe failed");
        } else if (b.openUntil == null && ++b.failures >= threshold) {
            open(account, b, openFor, retryAfter, now, b.failures + " failures in a row");
        }
    }

    /** A step that reached the account without a retryable failure. */
    void succeeded(String account) {
        Breaker b = byAccount.remove(account);
        if (b != null && b.openUntil != null) LOG.info(() -> "circuit " + account + ": closed, parked leads resume");
    }

    boolean isOpen(String account) {
        Breaker b = byAccount.get(account);
        return b != null && b.openUntil != null;
    }

    private static void open(String account, Breaker b, Duration d, Duration retryAfter, Instant now, String why) {
        Duration wait = retryAfter != null && retryAfter.compareTo(d) > 0 ? retryAfter : d;
        b.lastOpen = d;
        b.openUntil = now.plus(wait);
        LOG.warning(() -> "circuit " + account + ": open after " + why + "; its leads are parked until " + b.openUntil
                + " (no retries spent), then one probe");
    }
}
