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
 * Creates carry {@code externalId} = the mapped one or the effect's {@link IdempotencyToken}, so an
 * in-doubt create is found again with {@code filter[externalIds][]}. Custom field codes are
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
        customer.put("externalId", externalId(customer, ctx));
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

    /** Customers and orders are looked up by {@code externalId}; tasks have none, so an in-doubt task is resent. */
    Future<Optional<EffectResult>> reconcile(String listPath, String listKey, String externalId, CallCount count) {
        String uri = listPath + "?" + RetailcrmClient.param("filter[externalIds][]", externalId) + "&limit=20";
        return client.get(uri, count).map(answer -> {
            JsonArray found = answer.getJsonArray(listKey, new JsonArray());
            return found.isEmpty() ? Optional.empty()
                    : Optional.of(new EffectResult(String.valueOf(found.getJsonObject(0).getValue("id")), count.get()));
        });
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
