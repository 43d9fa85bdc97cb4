package io.leadflow.runtime.exec;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An in-memory CRM: records every created record by idempotency key, can fail the next calls,
 * can create and then report "in doubt" or never answer (a crash between send and record), and
 * measures how many calls per contact are in flight at once.
 */
public final class FakeCrm implements CrmConnector {
    /** What the CRM holds: one entry per applied effect. */
    public record Made(String idemKey, String kind, String contact, int seq, String crmId, Map<Integer, String> refs, String manager) { }

    public final List<Made> made = Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger applyCalls = new AtomicInteger();
    public final AtomicInteger reconcileCalls = new AtomicInteger();
    public final AtomicInteger maxInFlightPerContact = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Supplier<RuntimeException>> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private volatile boolean inDoubtAfterCreate;
    private volatile boolean hangAfterCreate;
    private volatile double randomFailureRate;
    private volatile double randomInDoubtRate;
    private volatile double randomHangRate;

    public FakeCrm failNext(int times, Supplier<RuntimeException> failure) {
        for (int i = 0; i < times; i++) failures.add(failure);
        return this;
    }

    /** The next create succeeds in the CRM but the call reports InDoubt (the answer was lost). */
    public FakeCrm inDoubtOnce() {
        inDoubtAfterCreate = true;
        return this;
    }

    /** Every create succeeds in the CRM but the call never answers (the process dies before recording). */
    public FakeCrm hangAfterCreate(boolean on) {
        hangAfterCreate = on;
        return this;
    }

    public FakeCrm randomFailures(double rate) {
        randomFailureRate = rate;
        return this;
    }

    /** After creating, lose the answer ({@code inDoubt}) or never answer ({@code hang}) at these rates. */
    public FakeCrm randomLostAnswers(double inDoubt, double hang) {
        randomInDoubtRate = inDoubt;
        randomHangRate = hang;
        return this;
    }

    public long count(String kind) {
        synchronized (made) {
            return made.stream().filter(m -> m.kind().equals(kind)).count();
        }
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return null;
    }

    @Override
    public String account() {
        return "main";
    }

    @Override
    public Future<Found> find(LookupRequest request) {
        return Future.succeededFuture(Found.NOTHING);
    }

    @Override
    public Future<EffectResult> apply(Effect effect, EffectContext ctx) {
        applyCalls.incrementAndGet();
        Supplier<RuntimeException> failure = failures.poll();
        if (failure != null) return Future.failedFuture(failure.get());
        if (randomFailureRate > 0 && Math.random() < randomFailureRate) {
            return Future.failedFuture(new io.leadflow.spi.error.RetryableException("random 503", 503, null, null));
        }
        String contact = effect.fields().path("phone").asText("");
        AtomicInteger n = inFlight.computeIfAbsent(contact, k -> new AtomicInteger());
        maxInFlightPerContact.accumulateAndGet(n.incrementAndGet(), Math::max);
        Promise<EffectResult> answer = Promise.promise();
        // answer a little later so concurrent calls of one contact would overlap if the executor allowed it
        io.vertx.core.Vertx.currentContext().owner().setTimer(2, t -> {
            n.decrementAndGet();
            String id = String.valueOf(ids.incrementAndGet());
            Map<Integer, String> refs = effect instanceof CreateDeal d && d.contact() != null
                    ? Map.of(0, ctx.resolve(d.contact())) : Map.of();
            String manager = effect instanceof CreateDeal d ? d.manager() : null;
            made.add(new Made(ctx.idempotencyKey(), effect.describe(), contact, effect.fields().path("seq").asInt(), id, refs, manager));
            double dice = Math.random();
            if (hangAfterCreate || dice < randomHangRate) return;
            if (inDoubtAfterCreate || dice < randomHangRate + randomInDoubtRate) {
                inDoubtAfterCreate = false;
                answer.fail(new InDoubtException("read timed out after send", null));
                return;
            }
            answer.complete(new EffectResult(id, 1));
        });
        return answer.future();
    }

    @Override
    public Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx) {
        reconcileCalls.incrementAndGet();
        synchronized (made) {
            return Future.succeededFuture(made.stream().filter(m -> m.idemKey().equals(ctx.idempotencyKey())).findFirst()
                    .map(m -> new EffectResult(m.crmId(), 1)));
        }
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
