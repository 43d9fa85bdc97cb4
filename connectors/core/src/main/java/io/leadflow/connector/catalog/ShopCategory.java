package io.leadflow.connector.catalog;

/**
 * A category as the shop holds it: its shop id, the source category id it was made from
 * ({@code external_id}; null for the shop's own), its name and its parent's shop id (null at the root).
 */
public record ShopCategory(String id, String externalId, String name, String parentId) { }
