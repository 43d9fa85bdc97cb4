package io.leadflow.connector.retailcrm.emulator;

import static io.leadflow.connector.retailcrm.emulator.RetailcrmReplies.*;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /orders/history} and {@code GET /customers/history} (crm-apis section 1):
 * {@code filter[sinceId]} (entries with a greater id), {@code filter[startDate]} /
 * {@code filter[endDate]} ({@code Y-m-d H:i:s}, on the entry's {@code createdAt}), {@code limit}
 * ∈ {20, 50, 100}, {@code page}; answer {@code {success, generatedAt, history, pagination}} [C].
 * Entries come oldest first, by id: RetailCRM's own shop modules take the last entry's id as the
 * next {@code sinceId} [P: retailcrm/woocommerce-module]. A bad date is a 400 entity-format error [U wording].
 */
final class HistoryRoutes {
    private final RetailcrmData data;

    HistoryRoutes(RetailcrmData data) {
        this.data = data;
    }

    void mount(Router api) {
        api.get("/orders/history").handler(ctx -> handle(ctx, data::orderHistory));
        api.get("/customers/history").handler(ctx -> handle(ctx, data::customerHistory));
    }

    private void handle(RoutingContext ctx, Supplier<List<JsonObject>> feed) {
        String since = ctx.request().getParam("filter[sinceId]");
        long sinceId;
        LocalDateTime from;
        LocalDateTime to;
        try {
            sinceId = since == null ? 0 : Long.parseLong(since.trim());
            from = date(ctx, "filter[startDate]");
            to = date(ctx, "filter[endDate]");
        } catch (NumberFormatException | DateTimeParseException e) {
            invalid(ctx, Map.of("filter", "This value is not valid."));
            return;
        }
        List<JsonObject> entries = feed.get().stream().filter(e -> e.getLong("id") > sinceId)
                .filter(e -> from == null || !at(e).isBefore(from))
                .filter(e -> to == null || !at(e).isAfter(to)).toList();
        JsonObject page = page(ctx, "history", entries);
        if (page != null) send(ctx, 200, page.put("generatedAt", data.now()));
    }

    private static LocalDateTime date(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        return v == null ? null : LocalDateTime.parse(v.trim(), RetailcrmData.TIME);
    }

    private static LocalDateTime at(JsonObject entry) {
        return LocalDateTime.parse(entry.getString("createdAt"), RetailcrmData.TIME);
    }
}
