package io.leadflow.connector.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * One product of the source catalog (KeyCRM), as the sync writes it to a shop: the source's id
 * (the shop product's {@code external_id} once linked), the match keys and the synced values, and
 * its offers ({@code variants}, in offer id order; the shop gets them as variants when it has more
 * than one and the shop takes variants). Any value may be null (not known in the source).
 */
public record CatalogItem(String id, String sku, String barcode, String name, String description, BigDecimal price,
                          BigDecimal quantity, String categoryId, List<CatalogVariant> variants) {
    public CatalogItem {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }
}
