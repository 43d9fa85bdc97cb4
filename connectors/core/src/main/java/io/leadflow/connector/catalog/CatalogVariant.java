package io.leadflow.connector.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One variant of a product: a KeyCRM offer as the sync reads it, or a variant as the shop holds it.
 * {@code externalId} is the KeyCRM offer id (null for a shop variant the sync did not make). Any
 * value may be null.
 */
public record CatalogVariant(String externalId, String sku, String barcode, BigDecimal price, BigDecimal quantity) {

    /** The variant as the shop's product field {@code variants} carries it (null values left out). */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "external_id", externalId);
        put(m, "sku", sku);
        put(m, "barcode", barcode);
        put(m, "price", price);
        put(m, "quantity", quantity);
        return m;
    }

    /** This variant with another price and stock. */
    public CatalogVariant withPrices(BigDecimal newPrice, BigDecimal newQuantity) {
        return new CatalogVariant(externalId, sku, barcode, newPrice, newQuantity);
    }

    /**
     * A {@code variants} value in a form two of them compare equal in when they say the same
     * (numbers by value, so {@code 450} and {@code 450.00} are one price; order kept).
     */
    public static List<Map<String, String>> comparable(List<?> variants) {
        List<Map<String, String>> out = new ArrayList<>();
        if (variants == null) return out;
        for (Object v : variants) {
            Map<?, ?> fields = v instanceof CatalogVariant c ? c.fields() : v instanceof Map<?, ?> m ? m : Map.of();
            Map<String, String> one = new LinkedHashMap<>();
            fields.forEach((k, x) -> {
                if (x != null) one.put(String.valueOf(k), number(x));
            });
            out.add(one);
        }
        return out;
    }

    private static String number(Object x) {
        if (x instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        if (x instanceof Number n) return new BigDecimal(String.valueOf(n)).stripTrailingZeros().toPlainString();
        return String.valueOf(x);
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
