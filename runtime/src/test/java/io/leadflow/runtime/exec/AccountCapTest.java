package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.RateLimit;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How many leads of one CRM account run a step at once: 4 × the account's documented calls per
 * second, at least 2, at most the executor's {@code maxActive} (256). A fast account is not held
 * to a handful of calls in flight (that capped end-to-end delivery at about 8 / (call + commit),
 * ≈ 1,000 leads/s on this machine, issue 17), and a slow one still gets only a few seconds' worth.
 * Each create is held open until the test releases it, so the count of calls held is the count of
 * steps running: the test waits for it to reach the cap, then checks it never went past.
 */
class AccountCapTest extends HarnessTest {

    @Test
    void aFastAccount_runsAsManyStepsAsTheExecutorAllows() {
        assertEquals(256, held(1_000_000, 400), "steps of one fast account running at once");
    }

    @Test
    void aSlowAccount_runsFourSecondsWorthOfSteps() {
        assertEquals(40, held(10, 120), "steps of a 10 calls/s account running at once");
    }

    @Test
    void anAccountWithNoDocumentedLimit_runsAsManyStepsAsTheExecutorAllows() {
        assertEquals(256, held(0, 400), "steps of an account with no documented limit running at once");
    }

    /** Appends {@code leads} leads on distinct contacts; returns the peak of creates held open at once. */
    private int held(int perSecond, int leads) {
        HoldingCrm crm = new HoldingCrm(perSecond == 0 ? null : new RateLimit(perSecond, Duration.ofSeconds(1), true, "test"));
        h = new Harness(dir, Clock.systemUTC(), StubProgram.of("v1", new StubFlow("orders", Duration.ZERO, "v1")));
        h.registry = (connector, account) -> connector.equals("fake") && account.equals("main") ? Optional.of(crm) : Optional.empty();
        h.start();
        int expected = perSecond == 0 ? h.options.maxActive() : Math.max(2, Math.min(h.options.maxActive(), 4 * perSecond));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < leads; i++) ids.add(h.append("+3806770" + String.format("%05d", i)));
        long patience = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (crm.open.get() < expected && System.nanoTime() < patience) Harness.sleep(5);
        int peakWhileHeld = crm.peak.get();
        crm.releaseAll();
        for (String id : ids) h.await(id, LeadStatus.DONE, Duration.ofSeconds(60));
        assertTrue(crm.peak.get() <= expected, crm.peak.get() + " steps ran at once, cap " + expected);
        return peakWhileHeld;
    }

    /** Creates are held open until {@link #releaseAll}; lookups answer at once. */
    private static final class HoldingCrm implements CrmConnector {
        final RateLimit limit;
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final ConcurrentLinkedQueue<Runnable> waiting = new ConcurrentLinkedQueue<>();
        final AtomicInteger ids = new AtomicInteger();
        volatile boolean released;

        HoldingCrm(RateLimit limit) {
            this.limit = limit;
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return limit == null ? null : new ConnectorDescriptor("fake", "Fake", Set.of(), Map.of(), limit);
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
            int now = open.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            Context context = Vertx.currentContext();
            Promise<EffectResult> answer = Promise.promise();
            Future<EffectResult> f = answer.future().andThen(ar -> open.decrementAndGet());
            waiting.add(() -> context.runOnContext(v -> answer.complete(new EffectResult("c" + ids.incrementAndGet(), 1))));
            if (released) releaseAll();
            return f;
        }

        /** Answers every held create (on the executor's context, as a real answer arrives) and every later one at once. */
        void releaseAll() {
            released = true;
            for (Runnable r; (r = waiting.poll()) != null; ) r.run();
        }

        @Override
        public Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx) {
            return Future.succeededFuture(Optional.empty());
        }

        @Override
        public Future<Void> close() {
            return Future.succeededFuture();
        }
    }
}
