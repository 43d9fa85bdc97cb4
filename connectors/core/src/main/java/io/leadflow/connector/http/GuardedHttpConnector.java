package io.leadflow.connector.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.SystemCapability;
import io.leadflow.connector.source.PullBatch;
import io.leadflow.connector.source.WebhookDelivery;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.Skip;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one base of every connector, CRM or source, over one {@link CrmHttp}: descriptor, account,
 * declared {@link SystemCapability capabilities}, close, and each entry point run with a fresh
 * {@link CallCount} through {@link TypedFailures#guarded}, so a synchronous refusal or an
 * unreadable answer ends as a typed, failed future.
 *
 * <p>A subclass declares its capabilities at construction (checked against the descriptor:
 * {@code LOOKUP} exactly when it can find, {@code EFFECTS} exactly when it can write) and
 * overrides the hooks of those it declares: {@link #find(LookupRequest, CallCount)} for
 * {@code LOOKUP}; {@link #apply(Effect, EffectContext, CallCount)} and
 * {@link #reconcile(Effect, EffectContext, CallCount)} for {@code EFFECTS};
 * {@link #pull(String, CallCount)} for {@code PULL}; {@link #parse(WebhookDelivery)} for
 * {@code WEBHOOK}. An entry point whose capability is not declared is refused here with a
 * {@link io.leadflow.spi.error.PermanentException} and makes no call. {@link Skip} is answered
 * here (no call) for every system that takes effects.
 */
public abstract class GuardedHttpConnector implements CrmConnector {
    private final ConnectorDescriptor descriptor;
    private final String account;
    private final CrmHttp http;
    private final Set<SystemCapability> capabilities;

    /** A system that can do what its descriptor implies (lookups and/or effects), nothing more. */
    protected GuardedHttpConnector(ConnectorDescriptor descriptor, String account, CrmHttp http) {
        this(descriptor, account, http, SystemCapability.impliedBy(descriptor));
    }

    /** A system that declares {@code capabilities}; they must agree with the descriptor on lookups and effects. */
    protected GuardedHttpConnector(ConnectorDescriptor descriptor, String account, CrmHttp http, Set<SystemCapability> capabilities) {
        this.descriptor = descriptor;
        this.account = account;
        this.http = http;
        this.capabilities = SystemCapability.checkAgainst(descriptor, capabilities);
    }

    /** Every request goes through {@link CrmHttp}, which opens the effect's gate before a mutating one leaves. */
    @Override
    public final boolean opensSendGate() {
        return true;
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
    public final Set<SystemCapability> capabilities() {
        return capabilities;
    }

    @Override
    public final Future<Found> find(LookupRequest request) {
        if (!capabilities.contains(SystemCapability.LOOKUP)) return Future.failedFuture(refusal(SystemCapability.LOOKUP));
        CallCount count = new CallCount();
        return guarded(() -> find(request, count));
    }

    @Override
    public final Future<EffectResult> apply(Effect effect, EffectContext ctx) {
        if (!capabilities.contains(SystemCapability.EFFECTS)) return Future.failedFuture(refusal(SystemCapability.EFFECTS));
        if (effect instanceof Skip) return Future.succeededFuture(new EffectResult(null, 0));
        CallCount count = new CallCount(ctx.sendGate());
        return guarded(() -> apply(effect, ctx, count));
    }

    @Override
    public final Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx) {
        if (!capabilities.contains(SystemCapability.EFFECTS)) return Future.failedFuture(refusal(SystemCapability.EFFECTS));
        if (effect instanceof Skip) return Future.succeededFuture(Optional.empty());
        CallCount count = new CallCount();
        return guarded(() -> reconcile(effect, ctx, count));
    }

    @Override
    public final Future<PullBatch> pull(String cursor) {
        if (!capabilities.contains(SystemCapability.PULL)) return Future.failedFuture(refusal(SystemCapability.PULL));
        CallCount count = new CallCount();
        return guarded(() -> pull(cursor, count));
    }

    @Override
    public final Future<List<ObjectNode>> receive(WebhookDelivery delivery) {
        if (!capabilities.contains(SystemCapability.WEBHOOK)) return Future.failedFuture(refusal(SystemCapability.WEBHOOK));
        return guarded(() -> parse(delivery));
    }

    @Override
    public Future<AccountSchema> accountSchema() {
        return guarded(this::readAccountSchema);
    }

    /** The account's HTTP client, for the connector's API classes. */
    protected final CrmHttp http() {
        return http;
    }

    @Override
    public Future<Void> close() {
        return http.close();
    }

    /** {@link #find(LookupRequest)} with the calls counted in {@code count}; may throw to refuse. For {@code LOOKUP}. */
    protected Future<Found> find(LookupRequest request, CallCount count) {
        throw notImplemented(SystemCapability.LOOKUP);
    }

    /** {@link #apply(Effect, EffectContext)} (never a {@link Skip}) with the calls counted; may throw to refuse. For {@code EFFECTS}. */
    protected Future<EffectResult> apply(Effect effect, EffectContext ctx, CallCount count) {
        throw notImplemented(SystemCapability.EFFECTS);
    }

    /** {@link #reconcile(Effect, EffectContext)} with the calls counted; may throw to refuse. For {@code EFFECTS}. */
    protected Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx, CallCount count) {
        throw notImplemented(SystemCapability.EFFECTS);
    }

    /** {@link #pull(String)} with the calls counted; may throw to refuse. For {@code PULL}. */
    protected Future<PullBatch> pull(String cursor, CallCount count) {
        throw notImplemented(SystemCapability.PULL);
    }

    /** {@link #receive(WebhookDelivery)}: parses the pushed request (no call); may throw to refuse. For {@code WEBHOOK}. */
    protected Future<List<ObjectNode>> parse(WebhookDelivery delivery) {
        throw notImplemented(SystemCapability.WEBHOOK);
    }

    /** {@link #accountSchema()}, guarded; the default says the system cannot read its account's field list. */
    protected Future<AccountSchema> readAccountSchema() {
        return CrmConnector.super.accountSchema();
    }

    /** Runs {@code call} with the CRM's display name in the message of an answer that could not be read. */
    protected final <T> Future<T> guarded(Supplier<Future<T>> call) {
        return TypedFailures.guarded(descriptor.displayName(), call);
    }

    private IllegalStateException notImplemented(SystemCapability c) {
        return new IllegalStateException(descriptor.displayName() + " declares " + c + " but does not implement it");
    }
}
