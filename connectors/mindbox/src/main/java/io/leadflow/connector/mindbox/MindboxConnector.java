package io.leadflow.connector.mindbox;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.GuardedHttpConnector;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * One Mindbox project endpoint (C5, seed 004): customers ({@link MindboxCustomers}) and order steps
 * ({@link MindboxOrders}). Effects only: Mindbox offers the rule language nothing to {@code find}
 * with, and only creates: a customer block is an upsert, an order block is one step. Settings in
 * {@link MindboxSettings}; the secret is the account's {@code api_key}.
 */
public final class MindboxConnector extends GuardedHttpConnector {
    private final MindboxCustomers customers;
    private final MindboxOrders orders;

    public MindboxConnector(Vertx vertx, AccountConfig config, ConnectorFactory.Peers peers) {
        this(vertx, config, MindboxSettings.of(config), peers);
    }

    private MindboxConnector(Vertx vertx, AccountConfig config, MindboxSettings settings, ConnectorFactory.Peers peers) {
        super(MindboxSchema.DESCRIPTOR, config.account(), CrmHttp.forAccount(vertx, MindboxSchema.DESCRIPTOR, config, settings.apiBase(),
                settings.timeout(), new MindboxErrors()));
        MindboxClient client = new MindboxClient(http(), settings, config.secret(AccountConfig.API_KEY));
        this.customers = new MindboxCustomers(client);
        this.orders = new MindboxOrders(client, peers);
    }

    @Override
    protected Future<EffectResult> apply(Effect effect, EffectContext ctx, CallCount count) {
        if (effect instanceof CreateContact c) return customers.upsert(c, count);
        if (effect instanceof CreateDeal d) return orders.apply(d, ctx, count);
        throw new PermanentException("Mindbox cannot " + effect.describe() + " (it takes customers and order steps)", null, 0);
    }

    /**
     * Mindbox has no operation that lists a project's additional fields (crm-apis section 5), so the
     * start-up check of {@code contact_cf_…}/{@code deal_cf_…} names is skipped for it, plainly.
     */
    @Override
    public Future<AccountSchema> accountSchema() {
        return Future.failedFuture(new UnsupportedOperationException(
                "Mindbox connector cannot read the project's additional fields: no such operation is documented"));
    }

    /**
     * A customer: nothing to look up, the upsert is safe to send again (see {@link MindboxCustomers}).
     * An order transaction is resumed ({@link MindboxOrders#reconcile}); other steps are safe to resend.
     */
    @Override
    protected Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx, CallCount count) {
        if (effect instanceof CreateDeal d) return orders.reconcile(d, ctx, count);
        return Future.succeededFuture(Optional.empty());
    }
}
