package io.leadflow.connector.keycrm;

import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.IdempotencyToken;
import io.leadflow.connector.http.CallCount;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.record.FoundDeal;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Funnel cards ("create in funnels", account setting {@code mode=funnels}), all through the
 * pipelines API [C, OpenAPI 1.2.0]:
 * <ul>
 *   <li>create: {@code POST /pipelines/cards} (201), the buyer linked by {@code contact.client_id}
 *       ("the card is created on that buyer; the other contact fields are ignored" [C]), then,
 *       when the deal maps {@code status_id}, {@code PUT /pipelines/cards/{id}} (the create body
 *       has no status [C, absence]);</li>
 *   <li>update: {@code PUT /pipelines/cards/{id}} with what that route takes (title, status,
 *       source, manager, custom fields) [C] — never {@code PUT /order/{id}};</li>
 *   <li>a buyer's cards ({@link #ofBuyer}): the card list has no buyer filter [C, absence], so the
 *       funnel's cards are read ({@code filter[pipeline_id]}, {@code include=contact,custom_fields})
 *       and kept where {@code contact.client_id} is the buyer; a funnel with more cards than are
 *       read (20 pages of 50) is refused rather than guessed;</li>
 *   <li>reconcile: cards have no source-unique field, so the idempotency key ends
 *       {@code manager_comment} as {@code [lf:<token>]} ({@link IdempotencyToken}), and the cards
 *       created in the last 24 h ({@code filter[created_between]}, UTC [C]) are read page by page
 *       whatever their order (the list order is [U]); not found with pages left unread is refused,
 *       never "not made".</li>
 * </ul>
 */
final class KeycrmCards {
    private static final int MAX_PAGES = 20;
    private static final Duration RECONCILE_WINDOW = Duration.ofHours(24);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private final DealWrites writes;
    private final KeycrmClient client;
    private final KeycrmSettings settings;
    private final Clock clock;

    KeycrmCards(DealWrites writes, Clock clock) {
        this.writes = writes;
        this.client = writes.client;
        this.settings = writes.settings;
        this.clock = clock;
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

    /** {@code PUT /pipelines/cards/{id}}: the fields that route takes [C]; nothing to change, no call. */
    Future<EffectResult> update(UpdateDeal effect, EffectContext ctx, CallCount count) {
        JsonObject fields = DealFields.of(effect.fields(), effect.mark(), ctx);
        return writes.update("/pipelines/cards", effect.id(), KeycrmBodies.cardUpdate(fields), fields, KeycrmCustomFields.Model.LEAD, count);
    }

    /** The buyer's cards in the account's funnel, read client-side (see the class comment). */
    Future<List<FoundDeal>> ofBuyer(String buyerId, String marker, CallCount count) {
        String base = "/pipelines/cards?limit=50&include=contact,custom_fields" + pipelineFilter(settings.pipelineId());
        return pages(base, "the cards of the funnel", count, page -> {
            List<FoundDeal> out = new ArrayList<>();
            for (Object o : KeycrmClient.data(page)) {
                if (o instanceof JsonObject c && buyerId.equals(KeycrmRecords.cardBuyerId(c))) out.add(KeycrmRecords.card(c, marker));
            }
            return out;
        }).map(lists -> lists.stream().flatMap(List::stream).toList());
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
        Instant now = clock.instant();
        String between = KeycrmClient.filter("created_between",
                List.of(UTC.format(now.minus(RECONCILE_WINDOW)) + ", " + UTC.format(now.plus(Duration.ofMinutes(5)))));
        String base = "/pipelines/cards?limit=50&" + between + pipelineFilter(pipeline);
        String tag = tag(ctx);
        return pagesUntil(base, 1, tag, count);
    }

    private Future<Optional<EffectResult>> pagesUntil(String base, int page, String tag, CallCount count) {
        return client.get(base + "&page=" + page, count).compose(p -> {
            for (Object o : KeycrmClient.data(p)) {
                if (o instanceof JsonObject c && c.getValue("manager_comment") instanceof String comment && comment.endsWith(tag)) {
                    return Future.succeededFuture(Optional.of(new EffectResult(String.valueOf(c.getValue("id")), count.get())));
                }
            }
            int last = lastPage(p);
            if (page >= last) return Future.succeededFuture(Optional.<EffectResult>empty());
            if (page >= MAX_PAGES) return Future.failedFuture(tooMany("the cards created in the last 24 h", page));
            return pagesUntil(base, page + 1, tag, count);
        });
    }

    /** Every page of a card list (at most {@link #MAX_PAGES}; more is refused), each mapped by {@code read}. */
    private <T> Future<List<T>> pages(String base, String what, CallCount count, Function<JsonObject, T> read) {
        return pages(base, what, 1, new ArrayList<>(), count, read);
    }

    private <T> Future<List<T>> pages(String base, String what, int page, List<T> into, CallCount count, Function<JsonObject, T> read) {
        return client.get(base + "&page=" + page, count).compose(p -> {
            into.add(read.apply(p));
            int last = lastPage(p);
            if (page >= last) return Future.succeededFuture(into);
            if (page >= MAX_PAGES) return Future.failedFuture(tooMany(what, page));
            return pages(base, what, page + 1, into, count, read);
        });
    }

    private static int lastPage(JsonObject page) {
        int perPage = Math.max(1, page.getInteger("per_page", 50));
        return Math.max(1, (page.getInteger("total", 0) + perPage - 1) / perPage);
    }

    private static PermanentException tooMany(String what, int pages) {
        return new PermanentException("KeyCRM lists more than " + pages + " pages of " + what
                + "; the card list cannot be filtered by buyer or sorted [C, absence], so the answer is refused rather than guessed", null, 0);
    }

    private static String pipelineFilter(Object pipeline) {
        return pipeline == null ? "" : "&" + KeycrmClient.filter("pipeline_id", List.of(String.valueOf(pipeline)));
    }

    static String tag(EffectContext ctx) {
        return "[" + IdempotencyToken.of(ctx.idempotencyKey()) + "]";
    }
}
