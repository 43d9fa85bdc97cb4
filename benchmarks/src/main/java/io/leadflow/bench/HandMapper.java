package io.leadflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/** The mapping written by hand over Jackson, as a careful developer would: the ceiling to approach. */
public final class HandMapper {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, String> PAYMENTS = Map.of("cod", "Cash on delivery", "card", "Card online",
            "transfer", "Bank transfer");

    private HandMapper() { }

    public static ObjectNode map(JsonNode lead) {
        ObjectNode deal = F.objectNode();
        deal.put("order_status_id", 8451);
        copy(lead, "source_id", deal, "custom_source_id");
        String currency = text(lead, "currency");
        if (currency != null) deal.put("currency", currency.toUpperCase(Locale.ROOT));
        deal.put("payment_method", PAYMENTS.getOrDefault(text(lead, "payment"), "Other"));
        copy(lead, "paid", deal, "paid");
        String email = text(lead, "email");
        if (email != null) deal.put("email", email.strip().toLowerCase(Locale.ROOT));
        copy(lead, "phone", deal, "phone");
        copy(lead, "comment", deal, "user_comments");
        JsonNode utm = lead.path("utm");
        deal.put("admin_comments", "UTM: " + or(text(utm, "utm_source")) + "/" + or(text(utm, "utm_medium")) + "/"
                + or(text(utm, "utm_campaign")));
        copy(lead, "delivery_method", deal, "delivery_method");
        copy(lead, "delivery_price", deal, "delivery_price");
        deal.put("delivery_fullname", or(text(lead, "first_name")) + " " + or(text(lead, "last_name")) + " (" + or(text(lead, "phone")) + ")");
        copy(lead, "address", deal, "delivery_address");
        copy(lead, "postcode", deal, "delivery_postcode");
        copy(lead, "city", deal, "delivery_city");
        String country = text(lead, "country");
        if (country != null) deal.put("delivery_country_code", country.toUpperCase(Locale.ROOT));
        copy(lead, "company", deal, "invoice_company");
        copy(lead, "nip", deal, "invoice_nip");
        copy(utm, "utm_source", deal, "deal_cf_101");
        copy(utm, "utm_medium", deal, "deal_cf_102");
        copy(utm, "utm_campaign", deal, "deal_cf_103");
        copy(utm, "utm_content", deal, "deal_cf_104");
        copy(utm, "utm_term", deal, "deal_cf_105");
        deal.put("deal_cf_106", "Order " + lead.path("order_id").asText() + " from " + or(text(lead, "site")));
        ArrayNode products = deal.putArray("products");
        for (JsonNode item : lead.path("items")) {
            ObjectNode p = products.addObject();
            copy(item, "sku", p, "sku");
            copy(item, "title", p, "name");
            copy(item, "price", p, "price_brutto");
            copy(item, "qty", p, "quantity");
            copy(item, "weight", p, "weight");
            p.put("tax_rate", 23);
        }
        ObjectNode out = F.objectNode();
        out.set("deal", deal);
        return out;
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        JsonNode v = from.get(field);
        if (v != null && !v.isNull()) to.set(as, v);
    }

    private static String text(JsonNode from, String field) {
        JsonNode v = from.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String or(String s) {
        return s == null ? "" : s;
    }
}
