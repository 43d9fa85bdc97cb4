package io.leadflow.connector.catalog;

import java.math.BigDecimal;
import java.util.List;

/** A product as the shop holds it (the fields the sync reads and writes); any value may be null; no variants: empty. */
public record ShopProduct(String id, String externalId, String sku, String barcode, String name, String description,
                          BigDecimal price, BigDecimal quantity, String categoryId, Boolean visible, Boolean available,
                          List<CatalogVariant> variants) {
    public ShopProduct {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }
}
