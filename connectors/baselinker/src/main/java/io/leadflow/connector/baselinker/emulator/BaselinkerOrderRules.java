package io.leadflow.connector.baselinker.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's reading of {@code addOrder}'s parameters, written from the API reference
 * (shared/crm-apis.md §3, api.baselinker.com ?method=addOrder), independently of the adapter.
 * Returns the first problem as a {@link Problem} (Baselinker reports one error per call).
 * Which parameters are required, and the exact wording and codes of errors, are [U]: the
 * emulator requires only what the reference calls mandatory for a product line (name, quantity).
 */
final class BaselinkerOrderRules {
    private BaselinkerOrderRules() { }

    /** One refusal: Baselinker's error code and message; the message names the field (format [U]). */
    record Problem(String code, String message) { }

    static final String FIELD_VALUE = "ERROR_FIELD_VALUE";

    /** varchar lengths from the reference. */
    private static final Map<String, Integer> MAX = Map.ofEntries(
            Map.entry("payment_method", 30), Map.entry("user_comments", 510), Map.entry("admin_comments", 200),
            Map.entry("email", 150), Map.entry("phone", 100), Map.entry("user_login", 30),
            Map.entry("delivery_method", 30), Map.entry("delivery_fullname", 100), Map.entry("delivery_company", 100),
            Map.entry("delivery_address", 156), Map.entry("delivery_postcode", 20), Map.entry("delivery_city", 100),
            Map.entry("delivery_state", 20), Map.entry("delivery_point_id", 40), Map.entry("delivery_point_name", 100),
            Map.entry("delivery_point_address", 100), Map.entry("delivery_point_postcode", 20),
            Map.entry("delivery_point_city", 100), Map.entry("invoice_fullname", 200), Map.entry("invoice_company", 200),
            Map.entry("invoice_nip", 100), Map.entry("invoice_address", 250), Map.entry("invoice_postcode", 20),
            Map.entry("invoice_city", 100), Map.entry("invoice_state", 20), Map.entry("extra_field_1", 50),
            Map.entry("extra_field_2", 50));
    private static final Set<String> INTEGERS = Set.of("order_status_id", "custom_source_id", "date_add");
    private static final Set<String> BOOLEANS = Set.of("payment_method_cod", "paid", "want_invoice");
    private static final Map<String, Integer> PRODUCT_MAX = Map.of("name", 200, "sku", 50, "ean", 32,
            "location", 50, "attributes", 350, "product_id", 50, "variant_id", 50);

    static Problem check(JsonObject p, Set<Integer> statusIds, Set<String> extraFieldIds) {
        for (Map.Entry<String, Integer> e : MAX.entrySet()) {
            Object v = p.getValue(e.getKey());
            if (v != null && !(v instanceof String)) return bad(e.getKey(), "must be text");
            if (v != null && ((String) v).length() > e.getValue()) return bad(e.getKey(), "is longer than " + e.getValue() + " characters");
        }
        for (String f : INTEGERS) {
            Object v = p.getValue(f);
            if (v != null && !(v instanceof Integer || v instanceof Long)) return bad(f, "must be an integer");
        }
        for (String f : BOOLEANS) {
            Object v = p.getValue(f);
            if (v != null && !(v instanceof Boolean) && !(v instanceof Number n && (n.intValue() == 0 || n.intValue() == 1))) {
                return bad(f, "must be a boolean");
            }
        }
        Object status = p.getValue("order_status_id");
        if (status != null && !statusIds.contains(((Number) status).intValue())) return bad("order_status_id", "unknown order status");
        String currency = p.getValue("currency") instanceof String s ? s : null;
        if (p.getValue("currency") != null && (currency == null || !currency.matches("[A-Z]{3}"))) {
            return bad("currency", "must be a 3-letter currency code");
        }
        for (String f : new String[] {"delivery_country_code", "invoice_country_code"}) {
            Object v = p.getValue(f);
            if (v != null && !(v instanceof String s && s.matches("[A-Za-z]{2}"))) return bad(f, "must be a 2-letter country code");
        }
        if (p.getValue("delivery_price") != null && !(p.getValue("delivery_price") instanceof Number)) {
            return bad("delivery_price", "must be a number");
        }
        Object extra = p.getValue("custom_extra_fields");
        if (extra != null) {
            if (!(extra instanceof JsonObject fields)) return bad("custom_extra_fields", "must be an object keyed by extra field id");
            for (String id : fields.fieldNames()) {
                if (!extraFieldIds.contains(id)) return bad("custom_extra_fields." + id, "no such extra field");
            }
        }
        Object products = p.getValue("products");
        if (products != null) {
            if (!(products instanceof JsonArray list)) return bad("products", "must be a list");
            for (int i = 0; i < list.size(); i++) {
                Problem pr = checkProduct(list.getValue(i), "products[" + i + "]");
                if (pr != null) return pr;
            }
        }
        return null;
    }

    private static Problem checkProduct(Object item, String at) {
        if (!(item instanceof JsonObject product)) return bad(at, "must be an object");
        if (!(product.getValue("name") instanceof String name) || name.isBlank()) return bad(at + ".name", "is required");
        if (!(product.getValue("quantity") instanceof Number q) || q.doubleValue() <= 0 || q.doubleValue() != Math.floor(q.doubleValue())) {
            return bad(at + ".quantity", "is required and must be a positive integer");
        }
        Object storage = product.getValue("storage");
        if (storage != null && !Set.of("db", "shop", "warehouse").contains(storage)) return bad(at + ".storage", "must be db, shop or warehouse");
        for (Map.Entry<String, Integer> e : PRODUCT_MAX.entrySet()) {
            Object v = product.getValue(e.getKey());
            if (v != null && String.valueOf(v).length() > e.getValue()) return bad(at + "." + e.getKey(), "is longer than " + e.getValue() + " characters");
        }
        for (String f : new String[] {"price_brutto", "tax_rate", "weight"}) {
            if (product.getValue(f) != null && !(product.getValue(f) instanceof Number)) return bad(at + "." + f, "must be a number");
        }
        return null;
    }

    private static Problem bad(String field, String what) {
        return new Problem(FIELD_VALUE, "Invalid value of field '" + field + "': " + what);
    }
}
