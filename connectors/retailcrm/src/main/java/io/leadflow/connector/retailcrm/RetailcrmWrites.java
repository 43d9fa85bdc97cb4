package io.leadflow.connector.retailcrm;

import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.IdempotencyToken;
import io.leadflow.connector.http.CallCount;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.UpdateContact;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.error.PermanentException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Customers, orders and tasks: {@code POST /customers/create}, {@code /customers/{id}/edit},
 * {@code /orders/create}, {@code /orders/{id}/edit} ({@code by=id}), {@code /tasks/create}.
 * An order carries {@code externalId} = the mapped one or the effect's {@link IdempotencyToken},
 * so an in-doubt order is found again with {@code filter[externalIds][]} limited to the account's
 * store ({@code filter[sites][]}: an external id is unique per store, and another store's order
 * may carry the same one). A customer's {@code externalId} belongs to the shop plugins that sync
 * customers: it is sent only when the flow maps it, never filled with a token; an in-doubt
 * customer is found again by its mapped external id, else by the phone or email it was made with
 * ({@link io.leadflow.connector.KeyedLookup#reconcileByNaturalKeys}). Custom field codes are
 * checked against the account's definitions first (unknown codes would be dropped silently [P]).
 */
final class RetailcrmWrites {
    private final RetailcrmClient client;
    private final RetailcrmReference reference;

    RetailcrmWrites(RetailcrmClient client, RetailcrmReference reference) {
        this.client = client;
        this.reference = reference;
    }

    Future<EffectResult> createContact(CreateContact effect, EffectContext ctx, CallCount count) {
        JsonObject customer = RetailcrmBodies.customer(effect.fields());
        manager(customer, "managerId", effect.manager());
        return write("/customers/create", "customer", customer, "customer", RetailcrmBodies.CONTACT_CF, null, count);
    }

    Future<EffectResult> updateContact(UpdateContact effect, CallCount count) {
        JsonObject change = RetailcrmBodies.customer(effect.fields());
        return write("/customers/" + effect.id() + "/edit", "customer", change, "customer", RetailcrmBodies.CONTACT_CF, "id", count);
    }

    Future<EffectResult> createDeal(CreateDeal effect, EffectContext ctx, CallCount count) {
        JsonObject order = RetailcrmBodies.order(marked(effect.fields(), effect.mark(), ctx));
        order.put("externalId", externalId(order, ctx));
        String customer = ctx.resolve(effect.contact());
        if (customer != null) order.put("customer", new JsonObject().put("id", Long.parseLong(customer)));
        manager(order, "managerId", effect.manager());
        return write("/orders/create", "order", order, "order", RetailcrmBodies.DEAL_CF, null, count);
    }

    Future<EffectResult> updateDeal(UpdateDeal effect, EffectContext ctx, CallCount count) {
        JsonObject change = RetailcrmBodies.order(marked(effect.fields(), effect.mark(), ctx));
        if (change.isEmpty()) return Future.succeededFuture(new EffectResult(effect.id(), count.get()));
        return write("/orders/" + effect.id() + "/edit", "order", change, "order", RetailcrmBodies.DEAL_CF, "id", count);
    }

    /** A task for the deal and/or contact; the performer is the mapped {@code performerId} or the effect's manager. */
    Future<EffectResult> createTask(CreateTask effect, EffectContext ctx, CallCount count) {
        JsonObject task = RetailcrmBodies.task(effect.fields());
        String deal = ctx.resolve(effect.deal());
        String contact = ctx.resolve(effect.contact());
        if (deal != null) task.put("order", new JsonObject().put("id", Long.parseLong(deal)));
        if (contact != null) task.put("customer", new JsonObject().put("id", Long.parseLong(contact)));
        manager(task, "performerId", effect.manager());
        Object datetime = task.getValue("datetime");
        if (datetime != null) task.put("datetime", TaskTime.format(String.valueOf(datetime)));
        return client.post("/tasks/create", "task", task, null, count).map(id -> new EffectResult(id, count.get()));
    }

    /**
     * A record by {@code externalId}, in the account's store when it names one; each answer is
     * checked to carry that external id (and store), whatever the filter did.
     */
    Future<Optional<EffectResult>> reconcile(String listPath, String listKey, String externalId, CallCount count) {
        String site = client.site();
        String uri = listPath + "?" + RetailcrmClient.param("filter[externalIds][]", externalId)
                + (site == null || !listPath.equals("/orders") ? "" : "&" + RetailcrmClient.param("filter[sites][]", site)) + "&limit=20";
        return client.get(uri, count).map(answer -> answer.getJsonArray(listKey, new JsonArray()).stream()
                .filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .filter(r -> externalId.equals(String.valueOf(r.getValue("externalId"))))
                .filter(r -> site == null || r.getValue("site") == null || site.equals(r.getValue("site")))
                .findFirst().map(r -> new EffectResult(String.valueOf(r.getValue("id")), count.get())));
    }

    static String externalId(JsonObject entity, EffectContext ctx) {
        Object mapped = entity.getValue("externalId");
        return mapped != null ? String.valueOf(mapped) : IdempotencyToken.of(ctx.idempotencyKey());
    }

    private Future<EffectResult> write(String uri, String field, JsonObject entity, String kind, String cfPrefix,
                                       String by, CallCount count) {
        JsonObject cf = entity.getJsonObject("customFields", new JsonObject());
        return reference.checkCustomFields(cf, kind, cfPrefix, count)
                .compose(v -> client.post(uri, field, entity, by, count))
                .map(id -> new EffectResult(id, count.get()));
    }

    /** The deal's fields plus, when asked (L4), the flow's marker field set to the lead id. */
    private static ObjectNode marked(ObjectNode node, boolean mark, EffectContext ctx) {
        if (!mark || ctx.marker() == null || (node.hasNonNull(ctx.marker()))) return node;
        ObjectNode fields = node.deepCopy();
        fields.put(ctx.marker(), ctx.leadId() == null ? "1" : ctx.leadId());
        return fields;
    }

    private static void manager(JsonObject body, String field, String manager) {
        if (manager == null || body.getValue(field) != null) return;
        try {
            body.put(field, Long.parseLong(manager.trim()));
        } catch (NumberFormatException e) {
            throw new PermanentException("manager '" + manager + "' is not a RetailCRM user id", field, 0);
        }
    }
}
