package io.leadflow.connector.catalog;

/** A category of the source catalog (KeyCRM {@code id, name, parent_id}); {@code parentId} null at the root. */
public record CatalogCategory(String id, String name, String parentId) { }
