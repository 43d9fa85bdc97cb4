package io.leadflow.connector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leadflow.connector.SystemCapability;
import io.leadflow.connector.source.PullBatch;
import io.leadflow.connector.source.WebhookDelivery;
import io.leadflow.spi.Capability;
import io.leadflow.spi.effect.UpdateDeal;

import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.ratelimit.ManualTimers;
import io.leadflow.connector.ratelimit.TokenBucket;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.RateLimit;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.Skip;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.error.RetryableException;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardedHttpConnectorTest {
    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("demo", "Demo CRM",
            Set.of(Capability.FIND_CONTACT_BY_PHONE, Capability.UPDATE_DEAL), Map.of(), new RateLimit(1, Duration.ofSeconds(1), true, ""));
    private static final Effect UPDATE = new UpdateDeal("5", JsonNodeFactory.instance.objectNode(), false);
    private static final EffectContext CTX = new EffectContext("key-1", "lead-1", Map.of(), "m");
    private final Vertx vertx = Vertx.vertx();
    private final CrmHttp http = new CrmHttp(vertx, "http://127.0.0.1:1", new TokenBucket(new ManualTimers(), 1000,
            Duration.ofSeconds(1), Duration.ZERO), Duration.ofSeconds(1), null, "demo/main");

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    /** Answers each entry point with what the test sets, and records the call counts it was given. */
    private final class Demo extends GuardedHttpConnector {
        final List<CallCount> counts = new ArrayList<>();
        RuntimeException thrown;
        Throwable failure;

        Demo() {
            super(DESCRIPTOR, "main", http);
        }

        private <T> Future<T> answer(CallCount count, T value) {
            counts.add(count);
            count.increment();
            count.increment();
            if (thrown != null) throw thrown;
            return failure != null ? Future.failedFuture(failure) : Future.succeededFuture(value);
        }

        @Override
        protected Future<Found> find(LookupRequest request, CallCount count) {
            return answer(count, null);
        }

        @Override
        protected Future<EffectResult> apply(Effect effect, EffectContext ctx, CallCount count) {
            return answer(count, "7").map(id -> new EffectResult(id, count.get()));
        }

        @Override
        protected Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx, CallCount count) {
            return answer(count, Optional.empty());
        }
    }

    @Test
    void synchronousRefusal_endsAsPermanentFailureWithItsMessage() {
        Demo d = new Demo();
        d.thrown = new IllegalArgumentException("field phone is not a phone");
        PermanentException e = Await.failure(d.apply(UPDATE, CTX), PermanentException.class);
        assertEquals("field phone is not a phone", e.getMessage());
        Await.failure(d.find(new LookupRequest(List.of(), false, "m")), PermanentException.class);
        Await.failure(d.reconcile(UPDATE, CTX), PermanentException.class);
    }

    @Test
    void unreadableAnswer_isPermanentAndNamesTheCrm_typedFailuresPassThrough() {
        Demo d = new Demo();
        d.failure = new ClassCastException("JsonArray");
        PermanentException e = Await.failure(d.apply(UPDATE, CTX), PermanentException.class);
        assertTrue(e.getMessage().startsWith("Demo CRM answer could not be read"), e.getMessage());
        RetryableException retry = new RetryableException("busy", 503, Duration.ZERO, null);
        d.failure = retry;
        assertSame(retry, Await.failure(d.reconcile(UPDATE, CTX)));
    }

    /** A source: declares PULL only, implements nothing else. */
    private final class Source extends GuardedHttpConnector {
        Source() {
            super(new ConnectorDescriptor("shop", "Demo shop", Set.of(), Map.of(), DESCRIPTOR.rateLimit()), "main", http,
                    Set.of(SystemCapability.PULL));
        }

        @Override
        protected Future<PullBatch> pull(String cursor, CallCount count) {
            count.increment();
            return Future.succeededFuture(new PullBatch(List.of(), "c1", false));
        }
    }

    @Test
    void undeclaredCapabilities_areRefusedBeforeTheSubclassIsAsked() {
        Demo crm = new Demo();
        assertEquals(Set.of(SystemCapability.LOOKUP, SystemCapability.EFFECTS), crm.capabilities());
        PermanentException e = Await.failure(crm.pull(null), PermanentException.class);
        assertEquals("Demo CRM cannot be pulled (not among its declared capabilities [LOOKUP, EFFECTS])", e.crmMessage());
        Await.failure(crm.receive(new WebhookDelivery("POST", "application/json", Map.of(), Map.of(), "{}")), PermanentException.class);
        Source shop = new Source();
        assertEquals("c1", Await.result(shop.pull(null)).cursor());
        assertTrue(Await.failure(shop.find(new LookupRequest(List.of(), false, null)), PermanentException.class).crmMessage()
                .contains("cannot look records up"));
        assertTrue(Await.failure(shop.apply(new Skip("x"), CTX), PermanentException.class).crmMessage().contains("cannot take effects"));
        assertTrue(crm.counts.isEmpty(), "the subclass was never asked");
    }

    @Test
    void skip_isAnsweredByTheBase_withoutACall() {
        Demo d = new Demo();
        assertEquals(new EffectResult(null, 0), Await.result(d.apply(new Skip("x"), CTX)));
        assertEquals(Optional.empty(), Await.result(d.reconcile(new Skip("x"), CTX)));
        assertTrue(d.counts.isEmpty());
    }

    @Test
    void declarationThatDisagreesWithTheDescriptor_isRefusedAtConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GuardedHttpConnector(DESCRIPTOR, "main", http,
                Set.of(SystemCapability.LOOKUP)) { });
        assertTrue(e.getMessage().contains("imply [LOOKUP, EFFECTS]"), e.getMessage());
    }

    @Test
    void declaredButNotImplemented_failsAsPermanent_notAsAThrow() {
        GuardedHttpConnector lazy = new GuardedHttpConnector(DESCRIPTOR, "main", http) { };
        PermanentException e = Await.failure(lazy.find(new LookupRequest(List.of(), false, null)), PermanentException.class);
        assertEquals("Demo CRM declares LOOKUP but does not implement it", e.crmMessage());
    }

    @Test
    void eachCall_countsItsOwnRequests() {
        Demo d = new Demo();
        assertEquals(new EffectResult("7", 2), Await.result(d.apply(UPDATE, CTX)));
        assertEquals(new EffectResult("7", 2), Await.result(d.apply(UPDATE, CTX)), "a second call does not add to the first's count");
        assertNotSame(d.counts.get(0), d.counts.get(1));
        assertEquals(DESCRIPTOR, d.descriptor());
        assertEquals("main", d.account());
    }
}
