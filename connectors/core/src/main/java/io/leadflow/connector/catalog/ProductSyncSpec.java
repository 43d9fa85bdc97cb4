package io.leadflow.connector.catalog;

import io.leadflow.spi.ArgSpec;
import io.leadflow.spi.job.JobSpec;
import io.leadflow.spi.job.JobSpecProvider;
import java.util.List;

/**
 * The {@code product_sync} job as the compiler sees it (seed 001, C2: KeyCRM products → a
 * Shop-Express shop): every argument and every value word is checked at compile time, with
 * did-you-mean. The runtime registers the job under the same name.
 */
public final class ProductSyncSpec implements JobSpecProvider {
    /** The one catalog target: a Shop-Express shop (its API is the guessed contract [U]). */
    public static final String SHOPEXPRESS = "shopexpress";
    /** Why {@code platform: "horoshop"} does not compile. */
    static final String HOROSHOP_NOT_A_TARGET = "Horoshop is not a catalog target: its API reference (crm-apis.md section 6)"
            + " documents no product or category function (only orders, order statuses, users and hooks), so there is no"
            + " documented call to write a catalog with; product_sync writes to Shop-Express";
    public static final JobSpec SPEC = new JobSpec("product_sync", List.of(
            new ArgSpec("from", ArgSpec.Type.TEXT, true, "the KeyCRM account whose catalog is read"),
            new ArgSpec("to", ArgSpec.Type.TEXT, true, "the Shop-Express account whose catalog is written"),
            ArgSpec.oneOf("platform", ArgSpec.Type.TEXT, false, "the shop platform of the 'to' account: shopexpress (default; the only catalog target)",
                    SHOPEXPRESS).refusing("horoshop", HOROSHOP_NOT_A_TARGET),
            ArgSpec.oneOf("scope", ArgSpec.Type.TEXT, false, "full (every field, new and missing products; default) or prices (price and stock of products the shop has)",
                    words(SyncOptions.Scope.class)),
            ArgSpec.oneOf("match", ArgSpec.Type.TEXT, false, "how a KeyCRM product finds its shop product: id, sku (default), name, barcode, external_id",
                    words(SyncOptions.MatchKey.class)),
            ArgSpec.oneOf("new", ArgSpec.Type.TEXT, false, "a product the shop lacks: hide (created hidden; default), publish, skip",
                    words(SyncOptions.NewPolicy.class)),
            ArgSpec.oneOf("existing", ArgSpec.Type.TEXT, false, "a product both have: update (default) or skip",
                    words(SyncOptions.ExistingPolicy.class)),
            ArgSpec.oneOf("missing", ArgSpec.Type.TEXT, false, "a synced shop product gone from KeyCRM: nothing (default), hide, unavailable",
                    words(SyncOptions.MissingPolicy.class)),
            new ArgSpec("categories", ArgSpec.Type.TEXT_LIST, false, "KeyCRM category ids to sync (default: all)")),
            "syncs KeyCRM's products and offers into a Shop-Express shop (resumable; counts per run)");

    private static String[] words(Class<? extends Enum<?>> type) {
        return SyncOptions.words(type).toArray(String[]::new);
    }

    @Override
    public List<JobSpec> jobs() {
        return List.of(SPEC);
    }
}
