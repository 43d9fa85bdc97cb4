package io.leadflow.connector.http;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The plumbing every connector over one {@link CrmHttp} shares: descriptor, account, close, and
 * each entry point run with a fresh {@link CallCount} through {@link TypedFailures#guarded}, so a
 * synchronous refusal or an unreadable answer ends as a typed, failed future.
 */
public abstract class GuardedHttpConnector implements CrmConnector {
    private final ConnectorDescriptor descriptor;
    private final String account;
    private final CrmHttp http;

    protected GuardedHttpConnector(ConnectorDescriptor descriptor, String account, CrmHttp http) {
        this.descriptor = descriptor;
        this.account = account;
        this.http = http;
    }

    @Override
    public final ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final String account() {
        return account;
    }

    @Override
    public final Future<Found> find(LookupRequest request) {
        CallCount count = new CallCount();
        return guarded(() -> find(request, count));
    }

    @Override
    public final Future<EffectResult> apply(Effect effect, EffectContext ctx) {
        CallCount count = new CallCount();
        return guarded(() -> apply(effect, ctx, count));
    }

    @Override
    public final Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx) {
        CallCount count = new CallCount();
        return guarded(() -> reconcile(effect, ctx, count));
    }

    /** The account's HTTP client, for the connector's API classes. */
    protected final CrmHttp http() {
        return http;
    }

    @Override
    public Future<Void> close() {
        return http.close();
    }

    /** {@link #find(LookupRequest)} with the calls counted in {@code count}; may throw to refuse. */
    protected abstract Future<Found> find(LookupRequest request, CallCount count);

    /** {@link #apply(Effect, EffectContext)} with the calls counted in {@code count}; may throw to refuse. */
    protected abstract Future<EffectResult> apply(Effect effect, EffectContext ctx, CallCount count);

    /** {@link #reconcile(Effect, EffectContext)} with the calls counted in {@code count}; may throw to refuse. */
    protected abstract Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx, CallCount count);

    /** Runs {@code call} with the CRM's display name in the message of an answer that could not be read. */
    protected final <T> Future<T> guarded(Supplier<Future<T>> call) {
        return TypedFailures.guarded(descriptor.displayName(), call);
    }
}
