package io.leadflow.connector.retailcrm.emulator;

import static io.leadflow.connector.retailcrm.emulator.RetailcrmReplies.*;

import io.leadflow.connector.emulator.WriteReply;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /tasks/create}: {@code text} required, {@code datetime} as {@code Y-m-d H:i} [C];
 * a {@code performerId} must be a user; whether the API requires one is [U] (the emulator does not).
 */
final class TaskRoutes {
    private final RetailcrmData data;
    private final WriteReply writes;

    TaskRoutes(RetailcrmData data, WriteReply writes) {
        this.data = data;
        this.writes = writes;
    }

    void mount(Router api) {
        api.post("/tasks/create").handler(this::handleCreate);
    }

    private void handleCreate(RoutingContext ctx) {
        JsonObject task = entity(ctx, "task");
        if (task == null) return;
        if (Sites.require(ctx, data) == null) return;
        Map<String, String> errors = new LinkedHashMap<>();
        if (!(task.getValue("text") instanceof String t) || t.isBlank()) errors.put("text", "This value should not be blank.");
        Object datetime = task.getValue("datetime");
        if (datetime != null && !String.valueOf(datetime).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")) {
            errors.put("datetime", "This value is not a valid datetime.");
        }
        Object performer = task.getValue("performerId");
        if (performer != null && !data.userExists(performer)) errors.put("performerId", "User with id " + performer + " does not exist.");
        if (!errors.isEmpty()) {
            invalid(ctx, errors);
            return;
        }
        JsonObject stored = task.copy().put("complete", false);
        stored.remove("id");
        writes.reply(ctx, 201, ok().put("id", data.putTask(stored).getLong("id")));
    }
}
