package io.leadflow.connector.keycrm;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.http.CallCount;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Orders ("create in orders"): {@code POST /order} (201) with {@code source_uuid} = the shop's order
 * number or, when the flow maps none, the effect's idempotency key, so an in-doubt create is
 * found again with {@code GET /order?filter[source_uuid]=…}. {@code status_id} is not a create
 * field [C, absence]: it is set with a follow-up {@code PUT /order/{id}} — the documented 2-call path.
 */
final class KeycrmOrders {
    private final DealWrites writes;
    private final KeycrmClient client;

    KeycrmOrders(DealWrites writes) {
        this.writes = writes;
        this.client = writes.client;
    }

    /** Why a new order would be refused for want of a source: the deal block maps no {@code source_id} and the account sets none. */
    static Optional<String> missingSource(CreateDeal effect, KeycrmSettings settings) {
        JsonNode mapped = effect.fields() == null ? null : effect.fields().get("source_id");
        boolean given = mapped != null && !mapped.isNull() && !(mapped.isTextual() && mapped.textValue().isBlank());
        if (given || settings.sourceId() != null) return Optional.empty();
        return Optional.of("KeyCRM needs a source for new orders: map deal source_id or set the account setting source_id");
    }

    Future<EffectResult> create(CreateDeal effect, EffectContext ctx, CallCount count) {
        JsonObject fields = DealFields.of(effect.fields(), effect.mark(), ctx);
        JsonObject body = KeycrmBodies.order(fields);
        Optional<String> missing = missingSource(effect, writes.settings);
        if (missing.isPresent()) throw new PermanentException(missing.get(), "source_id", 0);
        Object source = body.getValue("source_id") != null ? body.getValue("source_id") : writes.settings.sourceId();
        body.put("source_id", source).put("source_uuid", sourceUuid(fields, ctx));
        Managers.assign(body, "manager_id", effect.manager());
        Object status = DealWrites.status(fields);
        String contactId = ctx.resolve(effect.contact());
        return writes.statuses.check(status, count)
                .compose(v -> buyer(body, contactId, count))
                .compose(b -> writes.customFields.collect(fields, KeycrmBodies.DEAL_CF, KeycrmCustomFields.Model.ORDER, count))
                .compose(cf -> client.write(HttpMethod.POST, "/order", KeycrmContacts.withCustomFields(body, cf), count))
                .compose(order -> setStatus(String.valueOf(order.getValue("id")), status, count));
    }

    /** The {@code buyer} object is required [C]: what the mapping leaves out is taken from the linked buyer. */
    private Future<Void> buyer(JsonObject body, String contactId, CallCount count) {
        JsonObject buyer = body.getJsonObject("buyer", new JsonObject());
        body.put("buyer", buyer);
        return writes.fillBuyer(buyer, contactId, count).map(v -> {
            if (buyer.isEmpty()) body.remove("buyer");
            return null;
        });
    }

    private Future<EffectResult> setStatus(String orderId, Object status, CallCount count) {
        return writes.setStatus("/order", "order", orderId, status, count);
    }

    Future<EffectResult> update(UpdateDeal effect, EffectContext ctx, CallCount count) {
        JsonObject fields = DealFields.of(effect.fields(), effect.mark(), ctx);
        return writes.update("/order", effect.id(), KeycrmBodies.orderUpdate(fields), fields, KeycrmCustomFields.Model.ORDER, count);
    }

    /** Finds the order by {@code source_uuid}; when its status was not set yet, sets it. */
    Future<Optional<EffectResult>> reconcile(CreateDeal effect, EffectContext ctx, CallCount count) {
        JsonObject fields = DealFields.of(effect.fields(), effect.mark(), ctx);
        String uuid = sourceUuid(fields, ctx);
        Object status = DealWrites.status(fields);
        return client.get("/order?" + KeycrmClient.filter("source_uuid", List.of(uuid)) + "&sort=-id&limit=1", count)
                .compose(page -> {
                    if (KeycrmClient.data(page).isEmpty()) return Future.succeededFuture(Optional.empty());
                    JsonObject order = KeycrmClient.data(page).getJsonObject(0);
                    String id = String.valueOf(order.getValue("id"));
                    boolean statusDone = status == null || Objects.equals(String.valueOf(status), String.valueOf(order.getValue("status_id")));
                    return setStatus(id, statusDone ? null : status, count).map(Optional::of);
                });
    }

    private static String sourceUuid(JsonObject fields, EffectContext ctx) {
        Object mapped = fields.getValue("source_uuid");
        return mapped != null ? mapped.toString() : ctx.idempotencyKey();
    }
}
