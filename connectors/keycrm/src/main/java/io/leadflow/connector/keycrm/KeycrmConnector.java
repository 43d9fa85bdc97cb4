package io.leadflow.connector.keycrm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.SystemCapability;
import io.leadflow.connector.keycrm.webhook.KeycrmWebhookParser;
import io.leadflow.connector.source.WebhookDelivery;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Set;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.GuardedHttpConnector;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.UpdateContact;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One KeyCRM account (C2, seed 001): buyers, orders or funnel cards, status groups, custom fields
 * by uuid, UTM marks, payments and delivery. Rate limited at 60 requests per minute per key.
 * KeyCRM has no task endpoint, so a {@link CreateTask} is refused with a {@link PermanentException}
 * (the compiler already refuses it: the descriptor lacks CREATE_TASK).
 */
public final class KeycrmConnector extends GuardedHttpConnector {
    static final String NO_TASKS = "KeyCRM's API has no task endpoint (OpenAPI 1.2.0), so a flow cannot create tasks in KeyCRM";

    /** Lookups and effects, and KeyCRM's "Send Webhook" trigger pushes status changes [C format]. */
    static final Set<SystemCapability> CAPABILITIES = Set.of(SystemCapability.LOOKUP, SystemCapability.EFFECTS, SystemCapability.WEBHOOK);
    private static final KeycrmWebhookParser WEBHOOKS = new KeycrmWebhookParser();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycrmSettings settings;
    private final KeycrmLookup lookup;
    private final KeycrmContacts contacts;
    private final KeycrmOrders orders;
    private final KeycrmCards cards;
    private final KeycrmCustomFields customFields;
    private final KeycrmStatuses statuses;

    public KeycrmConnector(Vertx vertx, AccountConfig config) {
        this(vertx, config, KeycrmSettings.of(config));
    }

    private KeycrmConnector(Vertx vertx, AccountConfig config, KeycrmSettings settings) {
        super(KeycrmSchema.DESCRIPTOR, config.account(), CrmHttp.forAccount(vertx, KeycrmSchema.DESCRIPTOR, config, settings.apiBase(),
                settings.timeout(), new KeycrmErrors()), CAPABILITIES);
        this.settings = settings;
        KeycrmClient client = new KeycrmClient(http(), config.secret(AccountConfig.API_KEY));
        this.customFields = new KeycrmCustomFields(count -> client.getAny("/custom-fields", count)
                .map(KeycrmConnector::list));
        RecentBuyers recent = new RecentBuyers();
        this.lookup = new KeycrmLookup(client, recent);
        this.contacts = new KeycrmContacts(client, customFields, recent, lookup);
        DealWrites writes = new DealWrites(client, customFields, contacts, settings);
        this.orders = new KeycrmOrders(writes);
        this.cards = new KeycrmCards(writes, java.time.Clock.systemUTC());
        if (funnels()) lookup.dealsAreCards(cards);
        this.statuses = writes.statuses;
    }

    /**
     * One "Send Webhook" delivery ({@code {"event", "context"}}, {@link KeycrmWebhookParser}) as one
     * event: the body as sent, Jackson. A body that is not a KeyCRM webhook is refused with the reason.
     */
    @Override
    protected Future<List<ObjectNode>> parse(WebhookDelivery delivery) {
        WEBHOOKS.parse(Buffer.buffer(delivery.body()));
        try {
            return Future.succeededFuture(List.of((ObjectNode) JSON.readTree(delivery.body())));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("KeyCRM webhook body is not a JSON object");
        }
    }

    @Override
    protected Future<Found> find(LookupRequest request, CallCount count) {
        return lookup.find(request, count);
    }

    @Override
    protected Future<EffectResult> apply(Effect effect, EffectContext ctx, CallCount count) {
        if (effect instanceof CreateContact c) return contacts.create(c, count);
        if (effect instanceof UpdateContact u) return contacts.update(u, count);
        if (effect instanceof CreateDeal d) return funnels() ? cards.create(d, ctx, count) : orders.create(d, ctx, count);
        if (effect instanceof UpdateDeal u) return funnels() ? cards.update(u, ctx, count) : orders.update(u, ctx, count);
        if (effect instanceof CreateTask) return Future.failedFuture(new PermanentException(NO_TASKS, null, 0));
        return Future.succeededFuture(new EffectResult(null, 0));
    }

    /** A new order with no source, mapped or from the account setting {@code source_id} ({@link KeycrmOrders#missingSource}). */
    @Override
    public List<String> refusals(Effect effect) {
        if (!(effect instanceof CreateDeal d) || funnels()) return List.of();
        return KeycrmOrders.missingSource(d, settings).map(why -> d.describe() + ": " + why).stream().toList();
    }

    /** Creates are looked up (orders by {@code source_uuid}, cards by their tag, buyers by phone/email); updates are safe to resend. */
    @Override
    protected Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx, CallCount count) {
        if (effect instanceof CreateContact c) return contacts.reconcile(c, count);
        if (effect instanceof CreateDeal d) return funnels() ? cards.reconcile(d, ctx, count) : orders.reconcile(d, ctx, count);
        return Future.succeededFuture(Optional.empty());
    }

    /**
     * Custom fields from {@code GET /custom-fields} (orders and cards → deal, clients → contact)
     * and the order status ids ({@code status_id}) from {@code GET /order/status}, both through the
     * cache the lead path uses.
     */
    @Override
    protected Future<AccountSchema> readAccountSchema() {
        CallCount count = new CallCount();
        return customFields.accountFields(count).compose(fields -> statuses.ids(count).map(ids ->
                new AccountSchema(KeycrmSchema.DESCRIPTOR.name(), account(), fields,
                        Map.of("status_id", ids.stream().map(String::valueOf).collect(Collectors.toSet())))));
    }

    private boolean funnels() {
        return settings.mode() == KeycrmSettings.Mode.FUNNELS;
    }


    /** {@code /custom-fields} is documented as a list [C]; a page object is accepted too. */
    private static JsonArray list(Object answer) {
        if (answer instanceof JsonArray a) return a;
        if (answer instanceof JsonObject o) return o.getJsonArray("data", new JsonArray());
        return new JsonArray();
    }
}
