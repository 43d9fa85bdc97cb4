package io.leadflow.runtime.security;

import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.config.Secrets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The guard of each source, built lazily from the current secrets; {@link #reload} swaps the
 * secrets so a revoked token stops working at once (buckets start afresh).
 */
public final class SourceGuards {
    private final Limits limits;
    private final Clock clock;
    private final AtomicReference<Secrets> secrets;
    private volatile Map<String, SourceGuard> guards = new ConcurrentHashMap<>();

    public SourceGuards(Secrets secrets, Limits limits, Clock clock) {
        this.secrets = new AtomicReference<>(secrets);
        this.limits = limits;
        this.clock = clock;
    }

    public SourceGuard forSource(String slug) {
        return guards.computeIfAbsent(slug, s -> new SourceGuard(secrets.get().source(s), limits, clock, System.nanoTime()));
    }

    public Secrets secrets() {
        return secrets.get();
    }

    public void reload(Secrets next) {
        secrets.set(next);
        guards = new ConcurrentHashMap<>();
    }

    /** The admin API's tokens (separate from every source token). */
    public TokenAuthenticator admin() {
        return new TokenAuthenticator(secrets.get().adminTokens());
    }
}
