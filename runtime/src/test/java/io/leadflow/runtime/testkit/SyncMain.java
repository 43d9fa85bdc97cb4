package io.leadflow.runtime.testkit;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.catalog.FileCheckpointStore;
import io.leadflow.connector.catalog.ProductSync;
import io.leadflow.connector.catalog.SyncCounts;
import io.leadflow.connector.catalog.SyncOptions;
import io.leadflow.connector.keycrm.KeycrmCatalog;
import io.leadflow.connector.shopexpress.ShopExpressCatalog;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One product sync run in its own JVM, so a test can kill it with SIGKILL: args
 * {@code keycrmBase keycrmKey shopBase shopKey checkpointDir period shopRateLimit}. Exit 0 with
 * the counts on stdout when the run finished, 1 when it stopped.
 */
public final class SyncMain {
    private SyncMain() { }

    public static void main(String[] a) {
        Vertx vertx = Vertx.vertx();
        AccountConfig keycrm = new AccountConfig("keycrm", "main", a[0], Map.of("api_key", a[1]), Map.of("rate_limit", "1000/1s"));
        // a long call timeout: a test holds a write's answer until it kills this process (ProductSyncKillIT)
        AccountConfig shop = new AccountConfig("shopexpress", "shop", a[2], Map.of("api_key", a[3]), Map.of("rate_limit", a[6], "timeout_ms", "300000"));
        SyncOptions options = new SyncOptions(SyncOptions.Scope.FULL, SyncOptions.MatchKey.SKU, SyncOptions.NewPolicy.PUBLISH,
                SyncOptions.ExistingPolicy.UPDATE, SyncOptions.MissingPolicy.UNAVAILABLE, Set.of());
        try {
            SyncCounts c = new ProductSync(KeycrmCatalog.open(vertx, keycrm), ShopExpressCatalog.open(vertx, shop),
                    new FileCheckpointStore(vertx, Path.of(a[4]))).run("catalog", Instant.parse(a[5]), options)
                    .toCompletionStage().toCompletableFuture().get();
            System.out.println("COUNTS " + c.toJson().encode());
            System.exit(0);
        } catch (Exception e) {
            System.out.println("STOPPED " + e);
            System.exit(1);
        }
    }
}
