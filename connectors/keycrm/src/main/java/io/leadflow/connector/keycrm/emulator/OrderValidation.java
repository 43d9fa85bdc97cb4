package io.leadflow.connector.keycrm.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /order} and {@code PUT /order/{id}} refuse with a 422. Required and typed fields
 * follow spec 1.2.0 [C]; the reference ids ({@code source_id}, payment method, delivery service,
 * status) are checked against the account's lists, which is how such APIs behave but is [U].
 */
final class OrderValidation {
    private static final List<String> PAYMENT_STATUSES = List.of("paid", "not_paid", "canceled");
    private final KeycrmData data;

    OrderValidation(KeycrmData data) {
        this.data = data;
    }

    Map<String, String> create(JsonObject body) {
        Map<String, String> errors = KeycrmReplies.errors();
        Object source = body.getValue("source_id");
        if (source == null) errors.put("source_id", "The source id field is required.");
        else if (!(source instanceof Number n) || data.sources().stream().noneMatch(s -> s.getLong("id") == n.longValue())) {
            errors.put("source_id", "The selected source id is invalid.");
        }
        Object buyer = body.getValue("buyer");
        if (!(buyer instanceof JsonObject b)) {
            errors.put("buyer", "The buyer field is required.");
        } else if (blank(b.getValue("full_name")) && blank(b.getValue("phone")) && blank(b.getValue("email"))) {
            errors.put("buyer.full_name", "The buyer.full name field is required when buyer.phone / buyer.email are not present.");
        }
        if (body.getValue("buyer") instanceof JsonObject b) {
            for (String f : List.of("full_name", "phone", "email")) checkType(b, f, String.class, "buyer." + f, "a string", errors);
        }
        for (String f : List.of("shipping_price", "wrap_price", "taxes", "discount_percent", "discount_amount")) {
            checkType(body, f, Number.class, f, "a number", errors);
        }
        Object marketing = body.getValue("marketing");
        if (marketing != null && !(marketing instanceof JsonObject)) errors.put("marketing", "The marketing must be an object.");
        checkList(body, "products", errors);
        JsonArray products = body.getValue("products") instanceof JsonArray a ? a : new JsonArray();
        for (int i = 0; i < products.size(); i++) {
            if (!(products.getValue(i) instanceof JsonObject p)) continue;
            for (String f : List.of("price", "quantity", "purchased_price", "discount_amount", "discount_percent")) {
                checkType(p, f, Number.class, "products." + i + "." + f, "a number", errors);
            }
        }
        checkList(body, "payments", errors);
        JsonArray payments = body.getValue("payments") instanceof JsonArray a ? a : new JsonArray();
        for (int i = 0; i < payments.size(); i++) {
            if (!(payments.getValue(i) instanceof JsonObject p)) continue;
            if (!(p.getValue("amount") instanceof Number)) errors.put("payments." + i + ".amount", "The payments." + i + ".amount field is required.");
            Object st = p.getValue("status");
            if (st != null && !PAYMENT_STATUSES.contains(st)) errors.put("payments." + i + ".status", "The selected payments." + i + ".status is invalid.");
            Object pm = p.getValue("payment_method_id");
            if (pm != null && !known(data.paymentMethods(), pm)) errors.put("payments." + i + ".payment_method_id", "The selected payments." + i + ".payment_method_id is invalid.");
        }
        checkShipping(body, errors);
        checkManager(body, errors);
        CustomFieldCheck.check(data, body.getValue("custom_fields"), "order", errors);
        return errors;
    }

    Map<String, String> update(JsonObject body) {
        Map<String, String> errors = KeycrmReplies.errors();
        Object status = body.getValue("status_id");
        if (status != null && !known(data.statuses(), status)) errors.put("status_id", "The selected status id is invalid.");
        checkShipping(body, errors);
        checkManager(body, errors);
        CustomFieldCheck.check(data, body.getValue("custom_fields"), "order", errors);
        return errors;
    }

    private void checkShipping(JsonObject body, Map<String, String> errors) {
        Object shipping = body.getValue("shipping");
        if (shipping == null) return;
        if (!(shipping instanceof JsonObject s)) {
            errors.put("shipping", "The shipping must be an object.");
            return;
        }
        Object ds = s.getValue("delivery_service_id");
        if (ds != null && !known(data.deliveryServices(), ds)) errors.put("shipping.delivery_service_id", "The selected shipping.delivery service id is invalid.");
    }

    private void checkManager(JsonObject body, Map<String, String> errors) {
        Object m = body.getValue("manager_id");
        if (m != null && !known(data.users(), m)) errors.put("manager_id", "The selected manager id is invalid.");
    }

    private static void checkList(JsonObject body, String name, Map<String, String> errors) {
        Object v = body.getValue(name);
        if (v == null) return;
        if (!(v instanceof JsonArray a) || a.stream().anyMatch(x -> !(x instanceof JsonObject))) {
            errors.put(name, "The " + name + " must be an array of objects.");
        }
    }

    private static void checkType(JsonObject o, String key, Class<?> type, String field, String what, Map<String, String> errors) {
        Object v = o.getValue(key);
        if (v != null && !type.isInstance(v)) errors.put(field, "The " + field.replace('_', ' ') + " must be " + what + ".");
    }

    static boolean known(List<JsonObject> list, Object id) {
        if (!(id instanceof Number n)) return false;
        return list.stream().anyMatch(x -> x.getLong("id") == n.longValue());
    }

    private static boolean blank(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }
}
