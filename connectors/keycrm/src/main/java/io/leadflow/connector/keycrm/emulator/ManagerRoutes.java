package io.leadflow.connector.keycrm.emulator;

import static io.leadflow.connector.keycrm.emulator.KeycrmReplies.json;
import static io.leadflow.connector.keycrm.emulator.KeycrmReplies.message;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The emulator's stand-in for KeyCRM's UI: trigger set-up and a manager changing a status (see {@link KeycrmEmulator#adminRoutes}). */
final class ManagerRoutes {
    private final KeycrmData data;
    private final StatusMoves moves;
    private final KeycrmTriggers triggers;

    ManagerRoutes(KeycrmData data, StatusMoves moves, KeycrmTriggers triggers) {
        this.data = data;
        this.moves = moves;
        this.triggers = triggers;
    }

    void mount(Router router) {
        router.get("/__emulator/triggers").handler(ctx -> json(ctx, 200, triggers.toJson()));
        router.post("/__emulator/triggers").handler(this::handleTrigger);
        router.post("/__emulator/orders/:id/status").handler(this::handleOrder);
        router.post("/__emulator/cards/:id/status").handler(this::handleCard);
    }

    private void handleTrigger(RoutingContext ctx) {
        JsonObject body = body(ctx);
        if (body == null) return;
        try {
            json(ctx, 201, triggers.add(body));
        } catch (IllegalArgumentException | ClassCastException e) {
            message(ctx, 422, e.getMessage());
        }
    }

    private void handleOrder(RoutingContext ctx) {
        Optional<JsonObject> order = id(ctx).flatMap(data::order);
        JsonObject body = order.isEmpty() ? null : body(ctx);
        if (order.isEmpty()) {
            message(ctx, 404, "Not found");
            return;
        }
        if (body == null) return;
        Optional<JsonObject> status = statusId(body).flatMap(data::status);
        if (status.isEmpty()) {
            message(ctx, 422, "status_id must be one of the account's order statuses");
            return;
        }
        JsonObject o = order.get();
        Object before = o.getValue("status_id");
        moves.order(o, status.get());
        o.put("updated_at", data.now());
        json(ctx, 200, moves.storeOrder(o, before));
    }

    private void handleCard(RoutingContext ctx) {
        Optional<JsonObject> card = id(ctx).flatMap(data::card);
        JsonObject body = card.isEmpty() ? null : body(ctx);
        if (card.isEmpty()) {
            message(ctx, 404, "Not found");
            return;
        }
        if (body == null) return;
        JsonObject c = card.get();
        Optional<Long> wanted = statusId(body);
        Optional<JsonObject> status = data.pipelineStatuses(c.getLong("pipeline_id")).stream()
                .filter(s -> wanted.isPresent() && s.getLong("id").equals(wanted.get())).findFirst();
        if (status.isEmpty()) {
            message(ctx, 422, "status_id must be one of the card's funnel statuses");
            return;
        }
        Object before = c.getValue("status_id");
        moves.card(c, status.get());
        c.put("updated_at", data.now());
        json(ctx, 200, moves.storeCard(c, before));
    }

    private static Optional<Long> id(RoutingContext ctx) {
        try {
            return Optional.of(Long.parseLong(ctx.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> statusId(JsonObject body) {
        return body.getValue("status_id") instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject o = ctx.body().asJsonObject();
            if (o != null) return o;
        } catch (DecodeException | ClassCastException e) {
            // answered below
        }
        message(ctx, 400, "the body must be a JSON object");
        return null;
    }
}
