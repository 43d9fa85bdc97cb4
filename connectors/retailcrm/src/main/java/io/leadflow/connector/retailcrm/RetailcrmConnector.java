package io.leadflow.connector.retailcrm;

import io.leadflow.connector.SystemCapability;
import io.leadflow.connector.source.PullBatch;
import java.util.EnumSet;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.KeyedLookup;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.GuardedHttpConnector;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountField;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.UpdateContact;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One RetailCRM account (C3, seeds 002/004): customers found by phone or email (newest wins),
 * their orders with status groups (L4: {@code complete}/{@code cancel} closed), orders created and
 * edited with custom fields by code and the flow's marker field, tasks. Rate limited at 10
 * requests per second per key; the API's over-limit 503 is retryable.
 */
public final class RetailcrmConnector extends GuardedHttpConnector {
    private final RetailcrmLookup lookup;
    private final RetailcrmWrites writes;
    private final RetailcrmReference reference;
    private final RetailcrmFeed feed;

    public RetailcrmConnector(Vertx vertx, AccountConfig config) {
        this(vertx, config, RetailcrmSettings.of(config));
    }

    private RetailcrmConnector(Vertx vertx, AccountConfig config, RetailcrmSettings settings) {
        super(RetailcrmSchema.DESCRIPTOR, config.account(), CrmHttp.forAccount(vertx, RetailcrmSchema.DESCRIPTOR, config, settings.apiBase(),
                settings.timeout(), new RetailcrmErrors()),
                EnumSet.of(SystemCapability.LOOKUP, SystemCapability.EFFECTS, SystemCapability.PULL));
        RetailcrmClient client = new RetailcrmClient(http(), config.secret(AccountConfig.API_KEY), settings.site());
        this.reference = new RetailcrmReference(client);
        this.lookup = new RetailcrmLookup(client, reference);
        this.writes = new RetailcrmWrites(client, reference);
        this.feed = new RetailcrmFeed(client, config);
    }

    /** The change feed named by the account's {@code feed} setting (orders_history by default), from the entry id after {@code cursor}. */
    @Override
    protected Future<PullBatch> pull(String cursor, CallCount count) {
        return feed.read(cursor, count);
    }

    @Override
    protected Future<Found> find(LookupRequest request, CallCount count) {
        return lookup.find(request, count);
    }

    @Override
    protected Future<EffectResult> apply(Effect effect, EffectContext ctx, CallCount count) {
        if (effect instanceof CreateContact c) return writes.createContact(c, ctx, count);
        if (effect instanceof UpdateContact u) return writes.updateContact(u, count);
        if (effect instanceof CreateDeal d) return writes.createDeal(d, ctx, count);
        if (effect instanceof UpdateDeal u) return writes.updateDeal(u, ctx, count);
        return writes.createTask((CreateTask) effect, ctx, count);
    }

    /**
     * Orders are found by {@code externalId} in the account's store; customers by their mapped
     * external id, else by phone or email; updates are safe to resend; tasks cannot be found [documented].
     */
    @Override
    protected Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx, CallCount count) {
        if (effect instanceof CreateContact c) {
            Object mapped = RetailcrmBodies.customer(c.fields()).getValue("externalId");
            if (mapped != null) return writes.reconcile("/customers", "customers", String.valueOf(mapped), count);
            return KeyedLookup.reconcileByNaturalKeys(c.fields(), request -> lookup.find(request, count), count::get);
        }
        if (effect instanceof CreateDeal d) {
            String id = RetailcrmWrites.externalId(RetailcrmBodies.order(d.fields()), ctx);
            return writes.reconcile("/orders", "orders", id, count);
        }
        return Future.succeededFuture(Optional.empty());
    }

    /**
     * Custom fields by code from {@code GET /custom-fields?filter[entity]=order|customer} and the
     * status codes ({@code status}), through the caches the lead path uses.
     */
    @Override
    protected Future<AccountSchema> readAccountSchema() {
        CallCount count = new CallCount();
        return reference.definitions("order", count).compose(orders -> reference.definitions("customer", count)
                .compose(customers -> reference.statusCodes(count).map(statuses -> {
                    List<AccountField> fields = new ArrayList<>();
                    orders.forEach((code, d) -> fields.add(new AccountField(EntityKind.DEAL, code, d.getString("name"), d.getString("type"))));
                    customers.forEach((code, d) -> fields.add(new AccountField(EntityKind.CONTACT, code, d.getString("name"), d.getString("type"))));
                    return new AccountSchema(RetailcrmSchema.DESCRIPTOR.name(), account(), fields, Map.of("status", statuses));
                })));
    }

}
