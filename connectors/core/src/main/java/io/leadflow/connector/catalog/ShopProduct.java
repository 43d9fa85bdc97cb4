package io.leadflow.connector.catalog;

import java.math.BigDecimal;

/** A product as the shop holds it (the fields the sync reads and writes); any value may be null. */
public record ShopProduct(String id, String externalId, String sku, String barcode, String name, String description,
                          BigDecimal price, BigDecimal quantity, String categoryId, Boolean visible, Boolean available) { }
