package io.leadflow.connector.catalog;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Where the sync writes products and categories (a shop). A create carries the source id as
 * {@code external_id}, so a resent create can be told from a new product (the shop refuses or
 * the next read shows it); a change sends only the given fields ({@code name, sku, barcode,
 * description, price, quantity, category_id, external_id, visible, available, variants}). Ids the sync
 * passes back ({@code category_id}, {@code parent_id}) are the shop's own, as its reads gave them.
 */
public interface CatalogTarget {
    /** Every product of the shop (all pages). */
    Future<List<ShopProduct>> products();

    /** Makes a product; answers its shop id. */
    Future<String> create(Map<String, Object> fields);

    /** Changes the given fields of the product with this shop id. */
    Future<Void> change(String id, Map<String, Object> fields);

    /**
     * Whether a product takes {@code variants} (a list of {@link CatalogVariant#fields()}). When
     * not, a KeyCRM product with several offers is one plain product: the first offer's barcode
     * and price, the stock summed over its offers.
     */
    default boolean variants() {
        return false;
    }

    /** Every category of the shop (all pages). */
    Future<List<ShopCategory>> categories();

    /** Makes a category ({@code name, parent_id, external_id}); answers its shop id. */
    Future<String> createCategory(Map<String, Object> fields);

    /**
     * Whether a category can be changed ({@link #changeCategory}): renamed, moved to another
     * parent, linked ({@code external_id}). When not (the default), a category found in the shop
     * stays as it is: a KeyCRM category renamed or moved is not renamed or moved there.
     */
    default boolean categoryChanges() {
        return false;
    }

    /** Changes the given fields ({@code name, parent_id} (null: the root), {@code external_id}) of the category with this shop id. */
    default Future<Void> changeCategory(String id, Map<String, Object> fields) {
        return Future.failedFuture(new UnsupportedOperationException("this shop's categories cannot be changed"));
    }
}
