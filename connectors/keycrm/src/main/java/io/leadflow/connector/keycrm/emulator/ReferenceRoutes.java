package io.leadflow.connector.keycrm.emulator;

import static io.leadflow.connector.keycrm.emulator.KeycrmReplies.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reference lists: order statuses, sources, payment methods, delivery services and users as
 * page objects [C]; custom field definitions as a bare list [C: spec says "list"].
 */
final class ReferenceRoutes {
    private final KeycrmData data;

    ReferenceRoutes(KeycrmData data) {
        this.data = data;
    }

    void mount(Router api) {
        pageRoute(api, "/order/status", data::statuses);
        pageRoute(api, "/order/source", data::sources);
        pageRoute(api, "/order/payment-method", data::paymentMethods);
        pageRoute(api, "/order/delivery-service", data::deliveryServices);
        pageRoute(api, "/users", data::users);
        api.get("/custom-fields").handler(this::handleCustomFields);
    }

    private static void pageRoute(Router api, String path, Supplier<List<JsonObject>> list) {
        api.get(path).handler(ctx -> {
            JsonObject page = page(ctx, list.get());
            if (page != null) json(ctx, 200, page);
        });
    }

    private void handleCustomFields(RoutingContext ctx) {
        Set<String> models = filter(ctx, "model");
        json(ctx, 200, new JsonArray(data.customFields().stream()
                .filter(f -> models.isEmpty() || models.contains(f.getString("model"))).toList()));
    }
}
