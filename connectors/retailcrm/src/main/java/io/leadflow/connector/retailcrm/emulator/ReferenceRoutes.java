package io.leadflow.connector.retailcrm.emulator;

import static io.leadflow.connector.retailcrm.emulator.RetailcrmReplies.*;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Reference data: status groups, statuses and sites as objects keyed by code [C];
 * custom field definitions and users as paged lists [C].
 */
final class ReferenceRoutes {
    private final RetailcrmData data;

    ReferenceRoutes(RetailcrmData data) {
        this.data = data;
    }

    void mount(Router api) {
        api.get("/reference/status-groups").handler(ctx -> send(ctx, 200, ok().put("statusGroups", data.statusGroups())));
        api.get("/reference/statuses").handler(ctx -> send(ctx, 200, ok().put("statuses", data.statuses())));
        api.get("/reference/sites").handler(ctx -> send(ctx, 200, ok().put("sites", data.sites())));
        api.get("/custom-fields").handler(this::handleCustomFields);
        api.get("/users").handler(ctx -> {
            JsonObject page = page(ctx, "users", data.users());
            if (page != null) send(ctx, 200, page);
        });
    }

    private void handleCustomFields(RoutingContext ctx) {
        String entity = ctx.request().getParam("filter[entity]");
        List<JsonObject> fields = data.customFields().stream()
                .filter(f -> entity == null || entity.equals(f.getString("entity"))).toList();
        JsonObject page = page(ctx, "customFields", fields);
        if (page != null) send(ctx, 200, page);
    }
}
