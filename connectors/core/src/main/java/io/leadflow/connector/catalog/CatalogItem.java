package io.leadflow.connector.catalog;

import java.math.BigDecimal;

/**
 * One product of the source catalog (KeyCRM), as the sync writes it to a shop: the source's id
 * (the shop product's {@code external_id} once linked), the match keys and the synced values.
 * Any value may be null (not known in the source).
 */
public record CatalogItem(String id, String sku, String barcode, String name, String description, BigDecimal price,
                          BigDecimal quantity, String categoryId) { }
