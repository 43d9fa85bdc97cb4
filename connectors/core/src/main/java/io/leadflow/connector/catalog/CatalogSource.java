package io.leadflow.connector.catalog;

import io.vertx.core.Future;
import java.util.List;
import java.util.Set;

/** Where the sync reads products (KeyCRM): every page, only the given categories (all when empty). */
public interface CatalogSource {
    Future<List<CatalogItem>> items(Set<String> categories);

    /** Every category of the source (all pages). */
    Future<List<CatalogCategory>> categories();
}
