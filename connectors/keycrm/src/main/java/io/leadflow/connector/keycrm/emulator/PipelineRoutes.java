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

/**
 * Funnels: {@code /pipelines}, {@code /pipelines/{id}/statuses}, {@code /pipelines/cards}
 * (list, create 201, update 202). All answer 400 when the account has funnels switched off [C].
 */
final class PipelineRoutes {
    private final KeycrmData data;
    private final WriteReply writes;
    private final StatusMoves moves;

    PipelineRoutes(KeycrmData data, WriteReply writes, StatusMoves moves) {
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
        boolean withFields = include(ctx).contains("custom_fields");
        pageOf(ctx, data.cards(c -> (pipelines.isEmpty() || pipelines.contains(String.valueOf(c.getValue("pipeline_id"))))
                && (statuses.isEmpty() || statuses.contains(String.valueOf(c.getValue("status_id"))))
                && (sources.isEmpty() || sources.contains(String.valueOf(c.getValue("source_id")))))
                .stream().map(c -> withFields ? c : without(c)).toList());
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
                .put("is_finished", false).put("contact", body.getJsonObject("contact"));
        CustomFieldCheck.merge(data, card, body.getJsonArray("custom_fields"));
        writes.reply(ctx, 201, without(data.putCard(card)));
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
        writes.reply(ctx, 202, without(moves.storeCard(card, statusBefore)));
    }

    private static JsonObject without(JsonObject card) {
        JsonObject out = card.copy();
        out.remove("custom_fields");
        if (!out.containsKey("products")) out.put("products", new JsonArray());
        return out;
    }
}
