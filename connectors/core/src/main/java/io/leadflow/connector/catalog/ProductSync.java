package io.leadflow.connector.catalog;

import io.leadflow.connector.catalog.SyncCounts.Outcome;
import io.leadflow.connector.catalog.SyncOptions.ExistingPolicy;
import io.leadflow.connector.catalog.SyncOptions.MissingPolicy;
import io.leadflow.connector.catalog.SyncOptions.NewPolicy;
import io.leadflow.connector.catalog.SyncOptions.Scope;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One product sync run (source catalog → shop), resumable and applying nothing twice.
 *
 * <p>A run reads the whole source (filtered by category) and the whole shop. A {@code FULL} run
 * first brings the source's categories into the shop, parents first: a category is found by its
 * link ({@code external_id} = source category id) or by name under the same parent, else created
 * under its parent (a category whose parent could not be made counts failed). One found is then
 * made to match the source where the shop takes category changes (and existing records are
 * updated): linked, renamed, moved to its parent's shop category. Then it goes through the
 * source products in id order (a product's {@code category_id} is its category's shop id): a product is found in the shop by its link first ({@code
 * external_id} = source id, which every product the sync creates or updates carries), else by the
 * match key; then the new / existing policy decides. A {@code FULL} run then applies the missing
 * policy to linked shop products whose source product is gone. Before each write the checkpoint
 * names the product being written; after it, the product is done. A run killed at any moment and
 * started again for the same period resumes after the last product done, with the shop re-read:
 * the write that was in flight is either visible now (counted as what it was, nothing sent) or
 * not (sent once). A permanent refusal of one product is counted {@code failed} and the run goes
 * on; any other failure stops the run with its progress kept.
 */
public final class ProductSync {
    private final CatalogSource source;
    private final CatalogTarget target;
    private final CheckpointStore store;

    public ProductSync(CatalogSource source, CatalogTarget target, CheckpointStore store) {
        this.source = source;
        this.target = target;
        this.store = store;
    }

    /** Runs (or resumes) the sync of {@code schedule} for {@code period}; answers the run's counts. */
    public Future<SyncCounts> run(String schedule, Instant period, SyncOptions options) {
        return store.load(schedule).compose(saved -> {
            SyncCheckpoint cp = saved.filter(c -> c.period().equals(period)).orElse(SyncCheckpoint.start(period));
            if (cp.finished()) return Future.succeededFuture(cp.counts());
            boolean full = options.scope() == Scope.FULL;
            return source.items(options.categories()).compose(items -> target.products()
                    .compose(shop -> (full ? source.categories() : Future.succeededFuture(List.<CatalogCategory>of()))
                            .compose(cats -> (cats.isEmpty() ? Future.succeededFuture(List.<ShopCategory>of()) : target.categories())
                                    .compose(shopCats -> new Run(schedule, options, items, shop, cp, CategoryMap.chosen(cats, options.categories()),
                                            shopCats).go()))));
        });
    }

    private final class Run {
        private final String schedule;
        private final SyncOptions options;
        private final List<CatalogItem> items;
        private final Map<String, ShopProduct> linked = new HashMap<>();
        private final Map<String, List<ShopProduct>> byKey = new HashMap<>();
        private final List<ShopProduct> shop;
        private final List<CatalogCategory> categories;
        private final CategoryMap shopCategories;
        private SyncCheckpoint cp;

        Run(String schedule, SyncOptions options, List<CatalogItem> items, List<ShopProduct> shop, SyncCheckpoint cp,
            List<CatalogCategory> categories, List<ShopCategory> shopCategories) {
            this.categories = categories;
            this.shopCategories = new CategoryMap(shopCategories);
            this.schedule = schedule;
            this.options = options;
            this.items = new ArrayList<>(items);
            this.items.sort(Comparator.comparing((CatalogItem i) -> numeric(i.id())).thenComparing(CatalogItem::id));
            this.shop = new ArrayList<>(shop);
            this.shop.sort(Comparator.comparing((ShopProduct p) -> numeric(p.id())).thenComparing(ShopProduct::id));
            this.cp = cp;
            for (ShopProduct p : shop) {
                if (p.externalId() != null) linked.put(p.externalId(), p);
                String k = shopKey(p);
                if (k != null) byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
            }
        }

        Future<SyncCounts> go() {
            // categories first (a product needs its category's shop id); a run resumed in a later phase only maps them
            boolean writing = cp.phase().equals(SyncCheckpoint.CATEGORIES);
            Future<Void> f = categories(0, writing).compose(v -> writing ? save(cp.phase("items")) : Future.succeededFuture())
                    .compose(v -> cp.phase().equals("items") ? items(0) : Future.succeededFuture());
            return f.compose(v -> {
                if (options.scope() != Scope.FULL || options.onMissing() == MissingPolicy.NOTHING) return Future.succeededFuture();
                if (cp.phase().equals("items")) return save(cp.phase("missing")).compose(x -> missing(0));
                return missing(0);
            }).compose(v -> save(cp.finish())).map(v -> cp.counts());
        }

        private Future<Void> items(int i) {
            if (i >= items.size()) return Future.succeededFuture();
            CatalogItem item = items.get(i);
            if (cp.lastDone() != null && alreadyDone(cp.lastDone(), item.id())) return items(i + 1);
            return item(item).compose(v -> items(i + 1));
        }

        private Future<Void> item(CatalogItem item) {
            Optional<ShopProduct> match = find(item);
            if (match.isEmpty()) {
                if (options.scope() == Scope.PRICES || options.onNew() == NewPolicy.SKIP) return done(item.id(), Outcome.UNCHANGED);
                Map<String, Object> fields = full(item, shopCategories, target.variants());
                fields.put("visible", options.onNew() == NewPolicy.PUBLISH);
                fields.put("available", true);
                return write(item.id(), Outcome.CREATED, () -> target.create(fields).mapEmpty());
            }
            ShopProduct p = match.get();
            Map<String, Object> wanted = options.scope() == Scope.FULL ? full(item, shopCategories, target.variants())
                    : prices(item, p, target.variants());
            // back to one offer: its variants go, and it is a plain product again (a full run)
            if (options.scope() == Scope.FULL && target.variants() && !wanted.containsKey("variants") && !p.variants().isEmpty()) {
                wanted.put("variants", List.of());
            }
            Map<String, Object> change = diff(p, wanted);
            // the write in flight when the run stopped took effect: count it as what it was, send nothing
            if (change.isEmpty() && item.id().equals(cp.pending())) return done(item.id(), Outcome.valueOf(cp.pendingOutcome()));
            if (options.onExisting() == ExistingPolicy.SKIP || change.isEmpty()) return done(item.id(), Outcome.UNCHANGED);
            return write(item.id(), Outcome.UPDATED, () -> target.change(p.id(), change));
        }

        /**
         * The source categories parents first: each is found in the shop (by its link, else by
         * name under the same parent) or, when {@code writing}, created there under its parent's
         * shop category. Found or made, it is mapped for the products.
         */
        private Future<Void> categories(int i, boolean writing) {
            if (i >= categories.size()) return Future.succeededFuture();
            CatalogCategory c = categories.get(i);
            boolean hasParent = c.parentId() != null && categories.stream().anyMatch(o -> o.id().equals(c.parentId()));
            String parent = hasParent ? shopCategories.mapped(c.parentId()) : null;
            Optional<ShopCategory> hit = hasParent && parent == null ? Optional.empty() : shopCategories.find(c, parent);
            boolean done = writing && cp.lastDone() != null && CategoryMap.rank(categories, c.id()) <= CategoryMap.rank(categories, cp.lastDone());
            if (hit.isPresent()) {
                ShopCategory h = hit.get();
                shopCategories.map(c.id(), h);
                if (!writing || done) return categories(i + 1, writing);
                Map<String, Object> change = categoryChange(c, h, parent, c.parentId() == null || hasParent);
                if (change.isEmpty()) {
                    Outcome o = c.id().equals(cp.pending()) ? Outcome.valueOf(cp.pendingOutcome()) : Outcome.CATEGORY_UNCHANGED;
                    return done(c.id(), o).compose(v -> categories(i + 1, writing));
                }
                ShopCategory changed = new ShopCategory(h.id(), c.id(), change.containsKey("name") ? c.name() : h.name(),
                        change.containsKey("parent_id") ? parent : h.parentId());
                return write(c.id(), Outcome.CATEGORY_UPDATED, Outcome.CATEGORY_FAILED, () -> target.changeCategory(h.id(), change)
                        .map(v -> {
                            shopCategories.replace(h, changed);
                            return (Void) null;
                        })).compose(v -> categories(i + 1, writing));
            }
            if (!writing || done) return categories(i + 1, writing);
            if (hasParent && parent == null) {
                // its parent could not be made: made at the root it would be in the wrong place
                return done(c.id(), Outcome.CATEGORY_FAILED).compose(v -> categories(i + 1, writing));
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", c.name());
            fields.put("parent_id", parent);
            fields.put("external_id", c.id());
            return write(c.id(), Outcome.CATEGORY_CREATED, Outcome.CATEGORY_FAILED, () -> target.createCategory(fields)
                    .map(id -> {
                        shopCategories.map(c.id(), new ShopCategory(id, c.id(), c.name(), parent));
                        return null;
                    })).compose(v -> categories(i + 1, writing));
        }

        /**
         * What a category found in the shop lacks (when the shop takes category changes and
         * existing records are updated): the link ({@code external_id}, for one found by name), KeyCRM's
         * name (renamed there), its parent's shop id ({@code parent_id}, moved there; null at the root),
         * unless the KeyCRM parent is not among the run's categories ({@code parentKnown} false).
         */
        private Map<String, Object> categoryChange(CatalogCategory c, ShopCategory h, String parent, boolean parentKnown) {
            Map<String, Object> change = new LinkedHashMap<>();
            if (!target.categoryChanges() || options.onExisting() == ExistingPolicy.SKIP) return change;
            if (!c.id().equals(h.externalId())) change.put("external_id", c.id());
            if (c.name() != null && !c.name().isBlank() && !c.name().equals(h.name())) change.put("name", c.name());
            if (parentKnown && !Objects.equals(parent, h.parentId())) change.put("parent_id", parent);
            return change;
        }

        private Future<Void> missing(int i) {
            if (i >= shop.size()) return Future.succeededFuture();
            ShopProduct p = shop.get(i);
            if (cp.lastDone() != null && alreadyDone(cp.lastDone(), p.id())) return missing(i + 1);
            if (p.externalId() == null || sourceIds().contains(p.externalId())) return missing(i + 1);
            Map<String, Object> change = options.onMissing() == MissingPolicy.HIDE
                    ? (Boolean.FALSE.equals(p.visible()) ? Map.of() : Map.of("visible", false))
                    : (Boolean.FALSE.equals(p.available()) ? Map.of() : Map.of("available", false));
            if (change.isEmpty()) {
                Outcome o = p.id().equals(cp.pending()) ? Outcome.valueOf(cp.pendingOutcome()) : null;
                return (o == null ? Future.<Void>succeededFuture() : done(p.id(), o)).compose(v -> missing(i + 1));
            }
            return write(p.id(), Outcome.HIDDEN, () -> target.change(p.id(), change)).compose(v -> missing(i + 1));
        }

        private Set<String> ids;

        private Set<String> sourceIds() {
            if (ids == null) {
                ids = new HashSet<>();
                for (CatalogItem i : items) ids.add(i.id());
            }
            return ids;
        }

        /** Pending saved, the write, then done saved; a permanent refusal counts as failed and the run goes on. */
        private Future<Void> write(String id, Outcome outcome, java.util.function.Supplier<Future<Void>> call) {
            return write(id, outcome, Outcome.FAILED, call);
        }

        private Future<Void> write(String id, Outcome outcome, Outcome failed, java.util.function.Supplier<Future<Void>> call) {
            return save(cp.pending(id, outcome)).compose(v -> call.get()
                    .compose(x -> done(id, outcome))
                    .recover(e -> e instanceof PermanentException ? done(id, failed) : Future.failedFuture(e)));
        }

        private Future<Void> done(String id, Outcome outcome) {
            return save(cp.done(id, outcome));
        }

        private Future<Void> save(SyncCheckpoint next) {
            cp = next;
            return store.save(schedule, next);
        }

        private Optional<ShopProduct> find(CatalogItem item) {
            ShopProduct own = linked.get(item.id());
            if (own != null) return Optional.of(own);
            String k = itemKey(item);
            List<ShopProduct> hits = k == null ? List.of() : byKey.getOrDefault(k, List.of());
            // a key two shop products share cannot say which one is this product's: none is taken
            List<ShopProduct> free = hits.stream().filter(p -> p.externalId() == null || p.externalId().equals(item.id())).toList();
            return free.size() == 1 ? Optional.of(free.get(0)) : Optional.empty();
        }

        private String itemKey(CatalogItem i) {
            return switch (options.match()) {
                case ID, EXTERNAL_ID -> i.id();
                case SKU -> norm(i.sku(), false);
                case NAME -> norm(i.name(), true);
                case BARCODE -> norm(i.barcode(), false);
            };
        }

        private String shopKey(ShopProduct p) {
            return switch (options.match()) {
                case ID -> p.id();
                case EXTERNAL_ID -> p.externalId();
                case SKU -> norm(p.sku(), false);
                case NAME -> norm(p.name(), true);
                case BARCODE -> norm(p.barcode(), false);
            };
        }
    }

    /** Every synced field; {@code category_id} the shop id of the product's category when it is in the shop (else left as it is). */
    private static Map<String, Object> full(CatalogItem i, CategoryMap shopCategories, boolean variants) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("external_id", i.id());
        putIf(m, "name", i.name());
        putIf(m, "sku", i.sku());
        putIf(m, "barcode", i.barcode());
        putIf(m, "description", i.description());
        putIf(m, "price", i.price());
        putIf(m, "quantity", i.quantity());
        putIf(m, "category_id", i.categoryId() == null ? null : shopCategories.mapped(i.categoryId()));
        if (variants && i.variants().size() > 1) m.put("variants", i.variants().stream().map(CatalogVariant::fields).toList());
        return m;
    }

    /**
     * Price and stock; with variants, the shop product's variants as they are, those made from a
     * KeyCRM offer ({@code external_id} = offer id) with that offer's price and stock.
     */
    private static Map<String, Object> prices(CatalogItem i, ShopProduct p, boolean variants) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "price", i.price());
        putIf(m, "quantity", i.quantity());
        if (variants && !p.variants().isEmpty()) {
            Map<String, CatalogVariant> offers = new HashMap<>();
            for (CatalogVariant o : i.variants()) offers.put(o.externalId(), o);
            m.put("variants", p.variants().stream().map(v -> {
                CatalogVariant o = v.externalId() == null ? null : offers.get(v.externalId());
                return (o == null ? v : v.withPrices(o.price(), o.quantity())).fields();
            }).toList());
        }
        return m;
    }

    /** The wanted fields whose value differs from the shop's (numbers compared by value). */
    private static Map<String, Object> diff(ShopProduct p, Map<String, Object> wanted) {
        Map<String, Function<ShopProduct, Object>> now = Map.of("external_id", ShopProduct::externalId, "name", ShopProduct::name,
                "sku", ShopProduct::sku, "barcode", ShopProduct::barcode, "description", ShopProduct::description,
                "price", ShopProduct::price, "quantity", ShopProduct::quantity, "category_id", ShopProduct::categoryId,
                "variants", ShopProduct::variants);
        Map<String, Object> out = new LinkedHashMap<>();
        wanted.forEach((k, v) -> {
            Object have = now.get(k).apply(p);
            boolean same = k.equals("variants") ? CatalogVariant.comparable((List<?>) v).equals(CatalogVariant.comparable((List<?>) have))
                    : v instanceof BigDecimal a && have instanceof BigDecimal b ? a.compareTo(b) == 0 : Objects.equals(v, have);
            if (!same) out.put(k, v);
        });
        return out;
    }

    private static void putIf(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }

    /** The shop's categories, the source → shop category map of a run, and the order categories are synced in. */
    private static final class CategoryMap {
        private final List<ShopCategory> shop;
        private final Map<String, String> mapped = new HashMap<>();

        CategoryMap(List<ShopCategory> shop) {
            this.shop = new ArrayList<>(shop);
        }

        String mapped(String sourceId) {
            return mapped.get(sourceId);
        }

        void map(String sourceId, ShopCategory c) {
            mapped.put(sourceId, c.id());
            if (!shop.contains(c)) shop.add(c);
        }

        /** A shop category as it is after a change (renamed, moved, linked). */
        void replace(ShopCategory before, ShopCategory after) {
            shop.replaceAll(s -> s.equals(before) ? after : s);
        }

        /**
         * The shop category of {@code c}: the one linked to it ({@code external_id}), else the one
         * unlinked category with its name (ignoring case and spacing) under {@code parent} (two
         * such: neither, as for products).
         */
        Optional<ShopCategory> find(CatalogCategory c, String parent) {
            for (ShopCategory s : shop) if (c.id().equals(s.externalId())) return Optional.of(s);
            String name = norm(c.name(), true);
            if (name == null) return Optional.empty();
            List<ShopCategory> hits = shop.stream().filter(s -> s.externalId() == null && name.equals(norm(s.name(), true))
                    && Objects.equals(parent, s.parentId())).toList();
            return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
        }

        /**
         * The categories a run syncs, parents first (by depth, then numeric id): all of the
         * source's, or with a category filter the named ones and their ancestors.
         */
        static List<CatalogCategory> chosen(List<CatalogCategory> all, Set<String> filter) {
            Map<String, CatalogCategory> byId = new LinkedHashMap<>();
            for (CatalogCategory c : all) byId.put(c.id(), c);
            Set<String> keep = new HashSet<>();
            for (CatalogCategory c : all) {
                if (!filter.isEmpty() && !filter.contains(c.id())) continue;
                for (CatalogCategory a = c; a != null && keep.add(a.id()); a = a.parentId() == null ? null : byId.get(a.parentId())) { }
            }
            Map<String, Integer> depth = new HashMap<>();
            for (String id : keep) depth.put(id, depth(byId, id));
            return keep.stream().map(byId::get).sorted(Comparator.comparing((CatalogCategory c) -> depth.get(c.id()))
                    .thenComparing(c -> numeric(c.id())).thenComparing(CatalogCategory::id)).toList();
        }

        private static int depth(Map<String, CatalogCategory> byId, String id) {
            Set<String> seen = new HashSet<>();
            int d = 0;
            for (CatalogCategory c = byId.get(id); c != null && c.parentId() != null && seen.add(c.id()); c = byId.get(c.parentId())) d++;
            return d;
        }

        /** The place of a category in the run's order; -1 when it is no longer there. */
        static int rank(List<CatalogCategory> ordered, String id) {
            for (int i = 0; i < ordered.size(); i++) if (ordered.get(i).id().equals(id)) return i;
            return -1;
        }
    }

    private static String norm(String s, boolean loose) {
        if (s == null || s.isBlank()) return null;
        String t = s.trim();
        return loose ? t.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) : t;
    }

    private static long numeric(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Whether {@code id} comes at or before {@code lastDone} in the run's order (so it is done). */
    private static boolean alreadyDone(String lastDone, String id) {
        int c = Long.compare(numeric(id), numeric(lastDone));
        return c < 0 || c == 0 && id.compareTo(lastDone) <= 0;
    }
}
