package io.leadflow.runtime.schedule;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.catalog.ProductSyncSpec;
import io.leadflow.connector.catalog.CheckpointStore;
import io.leadflow.connector.catalog.ProductSync;
import io.leadflow.connector.catalog.SyncCounts;
import io.leadflow.connector.catalog.SyncOptions;
import io.leadflow.connector.keycrm.KeycrmCatalog;
import io.leadflow.connector.shopexpress.ShopExpressCatalog;
import io.leadflow.runtime.sandbox.AccountKey;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The {@code product_sync} job (seed 001, C2): KeyCRM's catalog → a Shop-Express shop, with the
 * arguments of {@link BuiltinJobSpecs#PRODUCT_SYNC}. One {@link ProductSync} run per period,
 * checkpointed under the data folder, so a run killed at any moment resumes on the next start
 * (the scheduler runs a period that was not recorded again). Each run's counts are logged and
 * shown in {@code GET /v1/schedules} ({@link #lastRuns(List)}), read from the checkpoint so they
 * survive a restart.
 */
public final class ProductSyncJob implements ScheduledJob {
    private static final Logger LOG = Logger.getLogger(ProductSyncJob.class.getName());

    private final Function<AccountKey, Future<AccountConfig>> accounts;
    private final CheckpointStore checkpoints;
    private final Map<String, Map<String, Object>> lastRuns = new ConcurrentHashMap<>();

    public ProductSyncJob(Function<AccountKey, Future<AccountConfig>> accounts, CheckpointStore checkpoints) {
        this.accounts = accounts;
        this.checkpoints = checkpoints;
    }

    /**
     * Per schedule with a run: its period, counts so far, whether it finished, and the error it
     * stopped with in this process. Period, counts and {@code finished} come from the schedule's
     * checkpoint (durable: they survive a restart, and show a run's progress while it runs); the
     * error is kept in memory only (after a restart it is in the log and the journal's schedule
     * record, and the checkpoint says {@code finished: false}).
     */
    public Future<Map<String, Map<String, Object>>> lastRuns(List<String> schedules) {
        Map<String, Map<String, Object>> out = new ConcurrentHashMap<>();
        List<Future<?>> reads = new java.util.ArrayList<>();
        for (String name : new java.util.LinkedHashSet<>(schedules)) {
            Map<String, Object> here = lastRuns.get(name);
            reads.add(checkpoints.load(name).otherwise(e -> {
                out.put(name, Map.of("error", "cannot read the sync checkpoint: " + e.getMessage()));
                return java.util.Optional.empty();
            }).onSuccess(saved -> {
                Map<String, Object> run = new java.util.LinkedHashMap<>();
                saved.ifPresent(cp -> {
                    run.put("period", cp.period().toString());
                    run.put("counts", cp.counts().toJson().mapTo(Map.class));
                    run.put("finished", cp.finished());
                });
                if (here != null) {
                    // the later period wins (a run in progress is newer than the last one recorded here); the same one: merged
                    int c = run.isEmpty() ? 1 : Instant.parse((String) here.get("period")).compareTo(Instant.parse((String) run.get("period")));
                    if (c > 0) run.clear();
                    if (c >= 0) here.forEach(run::putIfAbsent);
                }
                if (!run.isEmpty()) out.putIfAbsent(name, run);
            }));
        }
        return Future.all(reads).map(v -> new java.util.TreeMap<>(out));
    }

    @Override
    public Future<Void> run(JobContext ctx) {
        SyncOptions options = options(ctx.args());
        String from = (String) ctx.args().get("from");
        String to = (String) ctx.args().get("to");
        // platform: the compiler admits only shopexpress (ProductSyncSpec); anything else would be a program not compiled here
        String platform = text(ctx.args(), "platform", ProductSyncSpec.SHOPEXPRESS);
        if (!platform.equals(ProductSyncSpec.SHOPEXPRESS)) {
            return Future.failedFuture(new IllegalArgumentException("product_sync cannot write to platform '" + platform + "'"));
        }
        return accounts.apply(new AccountKey("keycrm", from)).compose(source -> accounts.apply(new AccountKey(ProductSyncSpec.SHOPEXPRESS, to))
                .compose(target -> {
                    KeycrmCatalog keycrm = KeycrmCatalog.open(ctx.vertx(), source);
                    ShopExpressCatalog shop = ShopExpressCatalog.open(ctx.vertx(), target);
                    return new ProductSync(keycrm, shop, checkpoints).run(ctx.schedule(), ctx.periodStart(), options)
                            .eventually(() -> keycrm.close().eventually(shop::close));
                }))
                .onSuccess(c -> record(ctx, c, null))
                .onFailure(e -> record(ctx, null, e.getMessage()))
                .mapEmpty();
    }

    private void record(JobContext ctx, SyncCounts counts, String error) {
        Map<String, Object> run = new java.util.LinkedHashMap<>();
        run.put("period", ctx.periodStart().toString());
        if (counts != null) run.put("counts", counts.toJson().mapTo(Map.class));
        run.put("finished", counts != null);
        if (error != null) run.put("error", error);
        lastRuns.put(ctx.schedule(), run);
        LOG.info(() -> "product sync " + ctx.schedule() + " for period " + ctx.periodStart() + ": "
                + (counts != null ? counts.toJson().encode() : "stopped: " + error));
    }

    /** The job's arguments (checked by the compiler against {@link BuiltinJobSpecs#PRODUCT_SYNC}). */
    static SyncOptions options(Map<String, Object> args) {
        Set<String> categories = new HashSet<>();
        if (args.get("categories") instanceof List<?> l) for (Object o : l) categories.add(String.valueOf(o));
        return new SyncOptions(
                SyncOptions.parse(SyncOptions.Scope.class, text(args, "scope", "full")),
                SyncOptions.parse(SyncOptions.MatchKey.class, text(args, "match", "sku")),
                SyncOptions.parse(SyncOptions.NewPolicy.class, text(args, "new", "hide")),
                SyncOptions.parse(SyncOptions.ExistingPolicy.class, text(args, "existing", "update")),
                SyncOptions.parse(SyncOptions.MissingPolicy.class, text(args, "missing", "nothing")),
                categories);
    }

    private static String text(Map<String, Object> args, String name, String fallback) {
        Object v = args.get(name);
        return v == null ? fallback : String.valueOf(v);
    }
}
