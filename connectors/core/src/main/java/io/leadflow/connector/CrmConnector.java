package io.leadflow.connector;

import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * One CRM account. Every method is non-blocking and safe to call from an event loop.
 * Failures are {@link io.leadflow.spi.error.ConnectorException}s: retryable, permanent, auth,
 * or in-doubt. Calls are rate limited per account at the CRM's documented limit.
 */
public interface CrmConnector {

    ConnectorDescriptor descriptor();

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
