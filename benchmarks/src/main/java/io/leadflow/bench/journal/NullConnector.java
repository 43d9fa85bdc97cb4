package io.leadflow.bench.journal;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A CRM that answers at once, so the measurement is the executor and the journal alone. */
final class NullConnector implements CrmConnector {
    private final AtomicLong ids = new AtomicLong();

    @Override public ConnectorDescriptor descriptor() { return null; }
    @Override public String account() { return "default"; }
    @Override public Future<Found> find(LookupRequest request) { return Future.succeededFuture(Found.NOTHING); }

    @Override
    public Future<EffectResult> apply(Effect effect, EffectContext ctx) {
        return Future.succeededFuture(new EffectResult(String.valueOf(ids.incrementAndGet()), 1));
    }

    @Override
    public Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx) {
        return Future.succeededFuture(Optional.empty());
    }

    @Override public Future<Void> close() { return Future.succeededFuture(); }
}
