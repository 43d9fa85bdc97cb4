package io.leadflow.runtime.exec;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.ratelimit.TokenBucket;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.RateLimit;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.error.RetryableException;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link FakeCrm} behind one FIFO token bucket shared by lookups and effects, as a real
 * connector's account is ({@code permits} per second); it records when each contact was looked
 * up and when its contact was created, and can be switched "down" (every call a 503).
 */
final class LimitedCrm implements CrmConnector {
    final FakeCrm crm;
    final TokenBucket bucket;
    final RateLimit limit;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger callsWhileDown = new AtomicInteger();
    final AtomicBoolean down = new AtomicBoolean();
    /** Per phone: the call number of its lookup, and how many calls older the lookup was when its contact create left. */
    final Map<String, Integer> lookedUpAt = new ConcurrentHashMap<>();
    final Map<String, Integer> lookupAgeCalls = new ConcurrentHashMap<>();
    volatile int callsAtFirstCreateDone = -1;
    /** Idempotency keys of effects whose call was granted its permit (recorded before the send gate opens). */
    final Set<String> permittedKeys = ConcurrentHashMap.newKeySet();
    /** Per phone: when its last lookup answered (nanoTime), and how old that was (ms) when its contact create left. */
    final Map<String, Long> lookedUpNanos = new ConcurrentHashMap<>();
    final Map<String, Long> lookupAgeMs = new ConcurrentHashMap<>();
    final AtomicInteger lookups = new AtomicInteger();
    /** When set, the first contact create pauses the account for {@link #pause} before it asks for its permit (as after a Retry-After). */
    final AtomicBoolean pauseAtFirstCreate = new AtomicBoolean();
    volatile Duration pause = Duration.ZERO;
    /** The call number at which the CRM goes down by itself (0: never). */
    volatile int goDownAtCall;
    /** The Retry-After a "down" answer carries (and pauses the bucket for, as CrmHttp does), or null. */
    volatile Duration downRetryAfter;
    /** Calls that asked for their permit after a down answer said "retry after" and still arrived before it expired. */
    final AtomicInteger earlyCalls = new AtomicInteger();
    private long toldAtNanos = Long.MIN_VALUE;
    private long notBeforeNanos = Long.MIN_VALUE;
    /** Whether {@link #apply} opens the context's send gate after its permit ({@code false}: the runtime marks before). */
    volatile boolean gate = true;

    LimitedCrm(Vertx vertx, FakeCrm crm, int perSecond) {
        this.crm = crm;
        this.limit = new RateLimit(perSecond, Duration.ofSeconds(1), true, "test");
        this.bucket = TokenBucket.of(vertx, limit);
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor("fake", "Fake", Set.of(), Map.of(), limit);
    }

    @Override
    public boolean opensSendGate() {
        return gate;
    }

    @Override
    public String account() {
        return "main";
    }

    private <T> Future<T> call(java.util.function.IntFunction<Future<T>> body) {
        long asked = System.nanoTime();
        return bucket.acquire().compose(v -> {
            int n = calls.incrementAndGet();
            if (n == goDownAtCall) down.set(true);
            Duration retryAfter = downRetryAfter;
            synchronized (this) {
                long now = System.nanoTime();
                if (now < notBeforeNanos && asked > toldAtNanos) earlyCalls.incrementAndGet();
                if (down.get() && retryAfter != null) {
                    if (now >= notBeforeNanos) toldAtNanos = now;
                    notBeforeNanos = Math.max(notBeforeNanos, now + retryAfter.toNanos());
                }
            }
            if (down.get()) {
                callsWhileDown.incrementAndGet();
                if (retryAfter != null) bucket.pause(retryAfter);
                return Future.failedFuture(new RetryableException("503 Service Unavailable", 503, retryAfter, null));
            }
            return body.apply(n);
        });
    }

    @Override
    public Future<Found> find(LookupRequest request) {
        return call(n -> {
            String phone = request.keys().get(0).value();
            lookedUpAt.put(phone, n);
            lookedUpNanos.put(phone, System.nanoTime());
            lookups.incrementAndGet();
            return crm.find(request);
        });
    }

    @Override
    public Future<EffectResult> apply(Effect effect, EffectContext ctx) {
        if (effect.describe().equals("create contact") && pauseAtFirstCreate.compareAndSet(true, false)) bucket.pause(pause);
        return call(n -> permitted(ctx).sendGate().open().compose(v -> {
            String phone = effect.fields().path("phone").asText();
            Integer at = lookedUpAt.get(phone);
            if (at != null && effect.describe().equals("create contact")) {
                lookupAgeCalls.put(phone, n - at);
                lookupAgeMs.put(phone, (System.nanoTime() - lookedUpNanos.get(phone)) / 1_000_000);
            }
            return crm.apply(effect, ctx).andThen(ar -> {
                if (ar.succeeded() && effect.describe().equals("create deal") && callsAtFirstCreateDone < 0) callsAtFirstCreateDone = calls.get();
            });
        }));
    }

    private EffectContext permitted(EffectContext ctx) {
        permittedKeys.add(ctx.idempotencyKey());
        return ctx;
    }

    @Override
    public Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx) {
        return call(n -> crm.reconcile(effect, ctx));
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
