package io.leadflow.connector.retailcrm.emulator;

import static io.leadflow.connector.retailcrm.emulator.RetailcrmReplies.*;

import io.leadflow.connector.emulator.WriteReply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code /customers}: list with filters, {@code /customers/create} (201), {@code /customers/{id}/edit},
 * {@code GET /customers/{id}} ({@code by=id|externalId}; answer {@code {success, customer}} [C:
 * api-client-php CustomersTest::testCustomersGet], 404 {@code Not found} when there is none).
 */
final class CustomerRoutes {
    private final RetailcrmData data;
    private final WriteReply writes;
    private final BooleanSupplier pessimistic;

    CustomerRoutes(RetailcrmData data, WriteReply writes, BooleanSupplier pessimistic) {
        this.data = data;
        this.writes = writes;
        this.pessimistic = pessimistic;
    }

    void mount(Router api) {
        api.get("/customers").handler(this::handleList);
        api.post("/customers/create").handler(this::handleCreate);
        api.post("/customers/:id/edit").handler(this::handleEdit);
        api.get("/customers/:id").handler(this::handleGet);
    }

    private void handleGet(RoutingContext ctx) {
        Optional<JsonObject> customer = find(ctx.pathParam("id"), by(ctx));
        if (customer.isEmpty()) error(ctx, 404, "Not found");
        else send(ctx, 200, ok().put("customer", data.withOrdersCount(customer.get())));
    }

    private void handleList(RoutingContext ctx) {
        String name = ctx.request().getParam("filter[name]");
        String email = ctx.request().getParam("filter[email]");
        List<String> ids = list(ctx, "filter[ids][]");
        List<String> externalIds = list(ctx, "filter[externalIds][]");
        boolean strict = pessimistic.getAsBoolean();
        List<JsonObject> found = new java.util.ArrayList<>(data.customers(c -> (name == null || nameMatches(c, name, strict))
                && (email == null || emailMatches(c, email))
                && (ids.isEmpty() || ids.contains(String.valueOf(c.getValue("id"))))
                && (externalIds.isEmpty() || externalIds.contains(c.getString("externalId")))));
        if (strict) java.util.Collections.reverse(found);
        found.replaceAll(data::withOrdersCount);
        JsonObject page = page(ctx, "customers", found);
        if (page != null) send(ctx, 200, page);
    }

    /** {@code filter[email]}: a partial match [C: the WooCommerce module re-checks equality]; a customer without email never matches. */
    private static boolean emailMatches(JsonObject c, String value) {
        Object stored = c.getValue("email");
        return stored instanceof String s && s.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
    }

    /**
     * {@code filter[name]} searches the name and the phones [P: RetailCRM's own CMS modules use it
     * that way]; how it matches phones is [U]: the emulator takes a value without letters as
     * digits and matches it as a substring of each phone's digits — pessimistic ({@code strict}):
     * only a phone whose digits are exactly the value's digits (no fragment, no reformatting), and
     * lists come newest first.
     */
    static boolean nameMatches(JsonObject c, String value, boolean strict) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        String fullName = String.join(" ", c.getString("lastName", ""), c.getString("firstName", ""), c.getString("patronymic", ""))
                .toLowerCase(Locale.ROOT);
        String reversed = String.join(" ", c.getString("firstName", ""), c.getString("lastName", "")).toLowerCase(Locale.ROOT);
        if (!v.isEmpty() && (fullName.contains(v) || reversed.contains(v))) return true;
        String digits = digits(v);
        if (digits.isEmpty() || v.chars().anyMatch(Character::isLetter)) return false;
        return c.getJsonArray("phones", new JsonArray()).stream()
                .anyMatch(p -> p instanceof JsonObject o
                        && (strict ? digits(o.getString("number")).equals(digits) : digits(o.getString("number")).contains(digits)));
    }

    private void handleCreate(RoutingContext ctx) {
        JsonObject customer = entity(ctx, "customer");
        if (customer == null) return;
        String site = Sites.require(ctx, data);
        if (site == null) return;
        Map<String, String> errors = validate(customer);
        String externalId = customer.getString("externalId");
        if (errors.isEmpty() && externalId != null && !data.customers(c -> externalId.equals(c.getString("externalId"))).isEmpty()) {
            error(ctx, 400, "Customer already exists.");
            return;
        }
        if (!errors.isEmpty()) {
            invalid(ctx, errors);
            return;
        }
        JsonObject stored = Entities.clean(customer, data, "customer").put("site", site);
        stored.remove("id");
        stored.remove("createdAt");
        long id = data.putCustomer(stored).getLong("id");
        writes.reply(ctx, 201, ok().put("id", id));
    }

    private void handleEdit(RoutingContext ctx) {
        JsonObject change = entity(ctx, "customer");
        if (change == null) return;
        String site = Sites.require(ctx, data);
        if (site == null) return;
        Optional<JsonObject> existing = find(ctx.pathParam("id"), by(ctx));
        if (existing.isEmpty()) {
            error(ctx, 404, "Not found");
            return;
        }
        Map<String, String> errors = validate(change);
        if (!errors.isEmpty()) {
            invalid(ctx, errors);
            return;
        }
        JsonObject customer = existing.get();
        Entities.merge(customer, Entities.clean(change, data, "customer"));
        data.putCustomer(customer);
        writes.reply(ctx, 200, ok().put("id", customer.getLong("id")).put("state", "updated"));
    }

    private Optional<JsonObject> find(String identifier, String by) {
        return data.customers(r -> Entities.identifiedBy(r, identifier, by)).stream().findFirst();
    }

    /** Field checks the emulator makes; their wording is RetailCRM-like but [U]. */
    private Map<String, String> validate(JsonObject customer) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object email = customer.getValue("email");
        if (email != null && !(email instanceof String s && s.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.put("email", "This value is not a valid email address.");
        }
        Object phones = customer.getValue("phones");
        if (phones != null && !(phones instanceof JsonArray a && a.stream().allMatch(p -> p instanceof JsonObject))) {
            errors.put("phones", "This value should be of type array of {number}.");
        }
        for (String f : List.of("firstName", "lastName", "patronymic")) Types.check(customer, f, String.class, f, errors);
        Object manager = customer.getValue("managerId");
        if (manager != null && !data.userExists(manager)) errors.put("managerId", "User with id " + manager + " does not exist.");
        return errors;
    }
}
