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

/** {@code /buyer}: find by phone / email / id, get, create (201), update (202). */
final class BuyerRoutes {
    private final KeycrmData data;
    private final WriteReply writes;

    BuyerRoutes(KeycrmData data, WriteReply writes) {
        this.data = data;
        this.writes = writes;
    }

    void mount(Router api) {
        api.get("/buyer").handler(this::handleList);
        api.get("/buyer/:id").handler(this::handleGet);
        api.post("/buyer").handler(this::handleCreate);
        api.put("/buyer/:id").handler(this::handleUpdate);
    }

    private void handleList(RoutingContext ctx) {
        Set<String> phones = filter(ctx, "buyer_phone");
        Set<String> emails = filter(ctx, "buyer_email");
        Set<String> ids = filter(ctx, "buyer_id");
        List<JsonObject> found = data.buyers(b -> matchesPhone(b, phones) && matchesEmail(b, emails)
                && (ids.isEmpty() || ids.contains(String.valueOf(b.getLong("id")))));
        Set<String> include = include(ctx);
        JsonObject page = page(ctx, found.stream().map(b -> render(b, include)).toList());
        if (page != null) json(ctx, 200, page);
    }

    /**
     * Whether KeyCRM normalises phone formatting in {@code filter[buyer_phone]} is [U]; the
     * emulator compares digits only, so {@code +38 (050) 123-45-67} matches {@code 380501234567}
     * but not {@code 0501234567}: a client must search with the number's variants.
     */
    static boolean matchesPhone(JsonObject buyer, Set<String> phones) {
        if (phones.isEmpty()) return true;
        Set<String> wanted = phones.stream().map(KeycrmReplies::digits).collect(java.util.stream.Collectors.toSet());
        return buyer.getJsonArray("phone", new JsonArray()).stream()
                .anyMatch(p -> wanted.contains(digits(String.valueOf(p))));
    }

    static boolean matchesEmail(JsonObject buyer, Set<String> emails) {
        if (emails.isEmpty()) return true;
        return buyer.getJsonArray("email", new JsonArray()).stream()
                .anyMatch(e -> emails.stream().anyMatch(w -> w.equalsIgnoreCase(String.valueOf(e))));
    }

    private void handleGet(RoutingContext ctx) {
        Optional<JsonObject> b = id(ctx).flatMap(data::buyer);
        if (b.isEmpty()) message(ctx, 404, "Not found");
        else json(ctx, 200, render(b.get(), include(ctx)));
    }

    private void handleCreate(RoutingContext ctx) {
        JsonObject body = body(ctx);
        if (body == null) return;
        Map<String, String> errors = validate(body);
        if (!errors.isEmpty()) {
            invalid(ctx, errors);
            return;
        }
        JsonObject stored = data.putBuyer(fromRequest(body, new JsonObject()));
        writes.reply(ctx, 201, render(stored, Set.of()));
    }

    private void handleUpdate(RoutingContext ctx) {
        Optional<JsonObject> existing = id(ctx).flatMap(data::buyer);
        if (existing.isEmpty()) {
            message(ctx, 404, "Not found");
            return;
        }
        JsonObject body = body(ctx);
        if (body == null) return;
        Map<String, String> errors = validate(body);
        if (!errors.isEmpty()) {
            invalid(ctx, errors);
            return;
        }
        JsonObject updated = fromRequest(body, existing.get()).put("updated_at", data.now());
        data.putBuyer(updated);
        writes.reply(ctx, 202, render(updated, Set.of()));
    }

    /** {@code full_name} is required on create and on update [C]; email and phone are lists [C]. */
    private Map<String, String> validate(JsonObject body) {
        Map<String, String> errors = errors();
        Object name = body.getValue("full_name");
        if (!(name instanceof String s) || s.isBlank()) errors.put("full_name", "The full name field is required.");
        for (String list : List.of("email", "phone")) {
            Object v = body.getValue(list);
            if (v != null && !(v instanceof JsonArray)) errors.put(list, "The " + list + " must be an array.");
        }
        CustomFieldCheck.check(data, body.getValue("custom_fields"), "client", errors);
        return errors;
    }

    private JsonObject fromRequest(JsonObject body, JsonObject into) {
        for (String f : List.of("full_name", "email", "phone", "birthday", "note", "discount", "company_id", "manager_id")) {
            if (body.containsKey(f)) into.put(f, body.getValue(f));
        }
        if (!into.containsKey("email")) into.put("email", new JsonArray());
        if (!into.containsKey("phone")) into.put("phone", new JsonArray());
        CustomFieldCheck.merge(data, into, body.getJsonArray("custom_fields"));
        return into;
    }

    static JsonObject render(JsonObject buyer, Set<String> include) {
        JsonObject out = buyer.copy();
        if (!include.contains("custom_fields")) out.remove("custom_fields");
        return out;
    }

    static Optional<Long> id(RoutingContext ctx) {
        try {
            return Optional.of(Long.parseLong(ctx.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
