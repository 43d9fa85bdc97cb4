package io.leadflow.connector.keycrm;

import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.IdempotencyToken;
import io.leadflow.connector.http.CallCount;
import io.leadflow.spi.effect.CreateDeal;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Funnel cards ("create in funnels", account setting {@code mode=funnels}): {@code POST /pipelines/cards}
 * (201) then, when the deal maps {@code status_id}, {@code PUT /pipelines/cards/{id}} (the create
 * body has no status [C, absence]). Cards have no source-unique field, so the idempotency key is
 * written at the end of {@code manager_comment} as {@code [lf:<token>]} ({@link IdempotencyToken}) and an in-doubt create
 * is reconciled by scanning the newest pages of the funnel's cards for it.
 */
final class KeycrmCards {
    private static final int RECONCILE_PAGES = 3;
    private final DealWrites writes;
    private final KeycrmClient client;
    private final KeycrmSettings settings;

    KeycrmCards(DealWrites writes) {
        this.writes = writes;
        this.client = writes.client;
        this.settings = writes.settings;
    }

    Future<EffectResult> create(CreateDeal effect, EffectContext ctx, CallCount count) {
        JsonObject fields = DealFields.of(effect.fields(), effect.mark(), ctx);
        JsonObject body = KeycrmBodies.card(fields);
        if (body.getValue("source_id") == null && settings.sourceId() != null) body.put("source_id", settings.sourceId());
        if (body.getValue("pipeline_id") == null && settings.pipelineId() != null) body.put("pipeline_id", settings.pipelineId());
        String comment = body.getString("manager_comment");
        body.put("manager_comment", (comment == null ? "" : comment + "\n") + tag(ctx));
        Managers.assign(body, "manager_id", effect.manager());
        Object status = DealWrites.status(fields);
        return contact(body, ctx.resolve(effect.contact()), count)
                .compose(v -> writes.customFields.collect(fields, KeycrmBodies.DEAL_CF, KeycrmCustomFields.Model.LEAD, count))
                .compose(cf -> client.write(HttpMethod.POST, "/pipelines/cards", KeycrmContacts.withCustomFields(body, cf), count))
                .compose(card -> setStatus(String.valueOf(card.getValue("id")), status, count));
    }

    private Future<Void> contact(JsonObject body, String contactId, CallCount count) {
        JsonObject contact = body.getJsonObject("contact", new JsonObject());
        body.put("contact", contact);
        if (contactId != null) contact.put("client_id", Long.parseLong(contactId));
        return writes.fillBuyer(contact, contactId, count);
    }

    private Future<EffectResult> setStatus(String cardId, Object status, CallCount count) {
        return writes.setStatus("/pipelines/cards", "card", cardId, status, count);
    }

    Future<Optional<EffectResult>> reconcile(CreateDeal effect, EffectContext ctx, CallCount count) {
        JsonObject fields = DealFields.of(effect.fields(), effect.mark(), ctx);
        Object pipeline = fields.getValue("pipeline_id") != null ? fields.getValue("pipeline_id") : settings.pipelineId();
        String base = "/pipelines/cards?limit=50" + (pipeline == null ? "" : "&filter[pipeline_id]=" + pipeline);
        String tag = tag(ctx);
        return client.get(base + "&page=1", count).compose(first -> {
            int perPage = Math.max(1, first.getInteger("per_page", 50));
            int last = Math.max(1, (first.getInteger("total", 0) + perPage - 1) / perPage);
            return scan(base, tag, last, Math.max(1, last - RECONCILE_PAGES + 1), first, count);
        });
    }

    private Future<Optional<EffectResult>> scan(String base, String tag, int page, int lowest, JsonObject first, CallCount count) {
        if (page < lowest) return Future.succeededFuture(find(first, tag, count));
        Future<JsonObject> p = page == 1 ? Future.succeededFuture(first) : client.get(base + "&page=" + page, count);
        return p.compose(cards -> {
            Optional<EffectResult> hit = find(cards, tag, count);
            return hit.isPresent() || page == 1 ? Future.succeededFuture(hit) : scan(base, tag, page - 1, lowest, first, count);
        });
    }

    private static Optional<EffectResult> find(JsonObject page, String tag, CallCount count) {
        JsonArray cards = KeycrmClient.data(page);
        for (Object o : cards) {
            JsonObject c = (JsonObject) o;
            String comment = c.getString("manager_comment");
            if (comment != null && comment.endsWith(tag)) return Optional.of(new EffectResult(String.valueOf(c.getValue("id")), count.get()));
        }
        return Optional.empty();
    }

    static String tag(EffectContext ctx) {
        return "[" + IdempotencyToken.of(ctx.idempotencyKey()) + "]";
    }
}
