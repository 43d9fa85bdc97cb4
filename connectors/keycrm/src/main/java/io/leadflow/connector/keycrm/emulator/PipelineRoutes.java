package io.leadflow.connector.keycrm.emulator;

import static io.leadflow.connector.keycrm.emulator.KeycrmReplies.*;

import io.leadflow.connector.emulator.WriteReply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Funnels: {@code /pipelines}, {@code /pipelines/{id}/statuses}, {@code /pipelines/cards}
 * (list, create 201, update 202). All answer 400 when the account has funnels switched off [C].
 * A card answers {@code contact_id}; with {@code include=contact} its {@code contact} with
 * {@code client_id} (the buyer) [C, PipelineCardWithIncludes]. A card created with
 * {@code contact.client_id} of an existing buyer is that buyer's [C]; without it, linked by
 * phone/email or a new buyer [U]. The list filters {@code pipeline_id}, {@code status_id},
 * {@code source_id}, {@code created_between} [C]; its order is [U]: oldest first (pessimistic:
 * newest first).
 */
final class PipelineRoutes {
    private final KeycrmData data;
    private final WriteReply writes;
    private final StatusMoves moves;

    private final BooleanSupplier pessimistic;

    PipelineRoutes(KeycrmData data, WriteReply writes, StatusMoves moves, BooleanSupplier pessimistic) {
        this.pessimistic = pessimistic;
        this.data = data;
        this.writes = writes;
        this.moves = moves;
    }

    void mount(Router api) {
        api.route("/pipelines*").handler(this::requireFunnels);
        api.get("/pipelines").handler(ctx -> pageOf(ctx, data.pipelines()));
        api.get("/pipelines/cards").handler(this::handleList);
        api.post("/pipelines/cards").handler(this::handleCreate);
        api.put("/pipelines/cards/:id").handler(this::handleUpdate);
        api.get("/pipelines/:id/statuses").handler(ctx -> BuyerRoutes.id(ctx)
                .ifPresentOrElse(id -> pageOf(ctx, data.pipelineStatuses(id)), () -> message(ctx, 404, "Not found")));
    }

    private void requireFunnels(RoutingContext ctx) {
        if (data.funnelsEnabled()) ctx.next();
        else message(ctx, 400, "Funnels are disabled for this account");
    }

    private static void pageOf(RoutingContext ctx, List<JsonObject> records) {
        JsonObject page = page(ctx, records);
        if (page != null) json(ctx, 200, page);
    }

    private void handleList(RoutingContext ctx) {
        Set<String> pipelines = filter(ctx, "pipeline_id");
        Set<String> statuses = filter(ctx, "status_id");
        Set<String> sources = filter(ctx, "source_id");
        Set<String> include = include(ctx);
        String[] between = createdBetween(ctx);
        List<JsonObject> cards = new java.util.ArrayList<>(data.cards(c -> (pipelines.isEmpty() || pipelines.contains(String.valueOf(c.getValue("pipeline_id"))))
                && (statuses.isEmpty() || statuses.contains(String.valueOf(c.getValue("status_id"))))
                && (sources.isEmpty() || sources.contains(String.valueOf(c.getValue("source_id"))))
                && (between == null || (c.getString("created_at", "").compareTo(between[0]) >= 0
                        && c.getString("created_at", "").compareTo(between[1]) <= 0))));
        if (pessimistic.getAsBoolean()) java.util.Collections.reverse(cards);
        pageOf(ctx, cards.stream().map(c -> render(c, include)).toList());
    }

    /** {@code filter[created_between]=<from>, <to>} (UTC {@code YYYY-MM-DD HH:MM:SS} [C]), or null. */
    private static String[] createdBetween(RoutingContext ctx) {
        String v = ctx.queryParams().get("filter[created_between]");
        if (v == null) return null;
        String[] parts = v.split(",");
        return parts.length == 2 ? new String[] {parts[0].trim(), parts[1].trim()} : null;
    }

    /** A card as the API shows it: {@code contact_id}; {@code contact} only with include=contact; custom fields only when asked. */
    private JsonObject render(JsonObject card, Set<String> include) {
        JsonObject out = include.contains("custom_fields") ? card.copy() : without(card);
        JsonObject contact = out.getJsonObject("contact");
        out.remove("contact");
        out.put("contact_id", card.getValue("contact_id"));
        if (contact != null && (include.contains("contact") || include.contains("contact.client"))) out.put("contact", contact);
        return out;
    }

    private void handleCreate(RoutingContext ctx) {
        JsonObject body = body(ctx);
        if (body == null) return;
        Map<String, String> errors = errors();
        if (!(body.getValue("contact") instanceof JsonObject)) errors.put("contact", "The contact field is required.");
        Object pipeline = body.getValue("pipeline_id");
        if (pipeline != null && !OrderValidation.known(data.pipelines(), pipeline)) {
            errors.put("pipeline_id", "The selected pipeline id is invalid.");
        }
        CustomFieldCheck.check(data, body.getValue("custom_fields"), "lead", errors);
        if (!errors.isEmpty()) {
            invalid(ctx, errors);
            return;
        }
        long pipelineId = pipeline == null ? data.pipelines().get(0).getLong("id") : ((Number) pipeline).longValue();
        JsonObject card = new JsonObject();
        for (String f : List.of("title", "source_id", "manager_id", "manager_comment", "communicate_at", "products",
                "payments", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")) {
            if (body.containsKey(f)) card.put(f, body.getValue(f));
        }
        // The card create body has no status_id [C, absence]; the card starts in the funnel's first status [U].
        card.put("pipeline_id", pipelineId).put("status_id", data.pipelineStatuses(pipelineId).get(0).getLong("id"))
                .put("is_finished", false).put("contact", contactOf(body.getJsonObject("contact")))
                .put("contact_id", data.nextId());
        CustomFieldCheck.merge(data, card, body.getJsonArray("custom_fields"));
        writes.reply(ctx, 201, render(data.putCard(card), Set.of()));
    }

    private void handleUpdate(RoutingContext ctx) {
        Optional<JsonObject> existing = BuyerRoutes.id(ctx).flatMap(data::card);
        if (existing.isEmpty()) {
            message(ctx, 404, "Not found");
            return;
        }
        JsonObject body = body(ctx);
        if (body == null) return;
        JsonObject card = existing.get();
        Map<String, String> errors = errors();
        Object status = body.getValue("status_id");
        Optional<JsonObject> funnelStatus = status instanceof Number n
                ? data.pipelineStatuses(card.getLong("pipeline_id")).stream().filter(s -> s.getLong("id") == n.longValue()).findFirst()
                : Optional.empty();
        if (status != null && funnelStatus.isEmpty()) errors.put("status_id", "The selected status id is invalid.");
        CustomFieldCheck.check(data, body.getValue("custom_fields"), "lead", errors);
        if (!errors.isEmpty()) {
            invalid(ctx, errors);
            return;
        }
        for (String f : List.of("title", "note", "source_id", "client_id", "manager_id", "communicate_at")) {
            if (body.containsKey(f)) card.put(f, body.getValue(f));
        }
        Object statusBefore = card.getValue("status_id");
        funnelStatus.ifPresent(s -> moves.card(card, s));
        CustomFieldCheck.merge(data, card, body.getJsonArray("custom_fields"));
        card.put("updated_at", data.now());
        if (body.getValue("client_id") instanceof Number n) card.getJsonObject("contact").put("client_id", n.longValue());
        writes.reply(ctx, 202, render(moves.storeCard(card, statusBefore), Set.of()));
    }

    /** The card's contact: given {@code client_id} of a known buyer, that buyer [C]; else linked or made from the contact fields [U]. */
    private JsonObject contactOf(JsonObject given) {
        JsonObject contact = given.copy();
        Object clientId = given.getValue("client_id");
        if (clientId instanceof Number n && data.buyer(n.longValue()).isPresent()) {
            JsonObject buyer = data.buyer(n.longValue()).get();
            return new JsonObject().put("full_name", buyer.getString("full_name")).put("client_id", n.longValue());
        }
        contact.put("client_id", OrderRoutes.linkBuyer(data, contact));
        return contact;
    }

    private static JsonObject without(JsonObject card) {
        JsonObject out = card.copy();
        out.remove("custom_fields");
        if (!out.containsKey("products")) out.put("products", new JsonArray());
        return out;
    }
}
