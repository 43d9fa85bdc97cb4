package io.leadflow.connector;

import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.source.PullBatch;
import io.leadflow.connector.source.WebhookDelivery;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One account of a system (a CRM, a shop, a call tracker). It declares what the system can do
 * ({@link #capabilities()}); an entry point outside them fails with a {@link PermanentException}
 * without any call. Connectors extend {@link io.leadflow.connector.http.GuardedHttpConnector},
 * which enforces that. Every method is non-blocking and safe to call from an event loop.
 * Failures are {@link io.leadflow.spi.error.ConnectorException}s: retryable, permanent, auth,
 * or in-doubt. Calls are rate limited per account at the CRM's documented limit.
 */
public interface CrmConnector {

    ConnectorDescriptor descriptor();

    /** What this system can do; the default is what the descriptor implies (no pull, no webhooks). */
    default Set<SystemCapability> capabilities() {
        return SystemCapability.impliedBy(descriptor());
    }

    /**
     * Reads the records after {@code cursor} ({@code null}: from the configured start), oldest
     * first, for a {@link SystemCapability#PULL} source. The default refuses.
     */
    default Future<PullBatch> pull(String cursor) {
        return Future.failedFuture(refusal(SystemCapability.PULL));
    }

    /** Reads the events of one pushed request, for a {@link SystemCapability#WEBHOOK} source. The default refuses. */
    default Future<List<ObjectNode>> receive(WebhookDelivery delivery) {
        return Future.failedFuture(refusal(SystemCapability.WEBHOOK));
    }

    /** The refusal of an entry point whose capability this system does not declare. */
    default PermanentException refusal(SystemCapability missing) {
        return new PermanentException(descriptor().displayName() + " " + missing.refusal()
                + " (not among its declared capabilities " + capabilities() + ")", null, 0);
    }

    /**
     * Why this account would refuse the effect for a reason its own settings make known before
     * any call (KeyCRM: a new order needs a source, mapped or the account's {@code source_id}),
     * or empty. The runtime asks it for every effect of a lead, with the schema and account
     * checks, before the first effect is sent, so no lead is half applied; {@link #apply} refuses
     * the same effects with the same words.
     */
    default List<String> refusals(Effect effect) {
        return List.of();
    }

    /** The account name from the rule file ({@code to keycrm(account: "main")}). */
    String account();

    /** Looks the contact up (keys in order, newest match) and, if asked, its deals. */
    Future<Found> find(LookupRequest request);

    /**
     * Performs one effect. {@code ctx.idempotencyKey()} is sent where the API has a place for it
     * (external id, source uuid, a comment) so {@link #reconcile} can find the result later.
     */
    Future<EffectResult> apply(Effect effect, EffectContext ctx);

    /**
     * Whether {@link #apply} opens {@link EffectContext#sendGate()} before its first request that
     * may change the CRM leaves (and after that request holds its rate-limit permit). When it does,
     * the runtime records the effect as sent in the gate; when not (the default), before calling
     * {@code apply}, i.e. possibly long before the call leaves.
     */
    default boolean opensSendGate() {
        return false;
    }

    /**
     * After an in-doubt call: looks for what {@link #apply} may have created with this key.
     * Empty when nothing was made (safe to resend), or the result when it was.
     */
    Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx);

    /**
     * What this account itself defines: its custom fields (and, where cheap, status or source
     * ids), read through the connector's cached reference data, for the start-up check
     * {@link io.leadflow.spi.account.AccountSchemaCheck} when credentials are given. Optional:
     * the default fails with {@link UnsupportedOperationException} (the check is then skipped);
     * a CRM failure is a {@link io.leadflow.spi.error.ConnectorException} as for any call.
     */
    default Future<AccountSchema> accountSchema() {
        return Future.failedFuture(new UnsupportedOperationException(
                descriptor().displayName() + " connector cannot read the account's own field list"));
    }

    Future<Void> close();
}
