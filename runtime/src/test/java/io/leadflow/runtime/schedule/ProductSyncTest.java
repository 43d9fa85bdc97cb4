package io.leadflow.runtime.schedule;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.catalog.CatalogTarget;
import io.leadflow.connector.catalog.FileCheckpointStore;
import io.leadflow.connector.catalog.ProductSync;
import io.leadflow.connector.catalog.ShopCategory;
import io.leadflow.connector.catalog.ShopProduct;
import io.leadflow.connector.catalog.SyncCounts;
import io.leadflow.connector.catalog.SyncOptions;
import io.leadflow.connector.catalog.SyncOptions.ExistingPolicy;
import io.leadflow.connector.catalog.SyncOptions.MatchKey;
import io.leadflow.connector.catalog.SyncOptions.MissingPolicy;
import io.leadflow.connector.catalog.SyncOptions.NewPolicy;
import io.leadflow.connector.catalog.SyncOptions.Scope;
import io.leadflow.connector.emulator.EmulatorMode;
import io.leadflow.connector.keycrm.KeycrmCatalog;
import io.leadflow.connector.keycrm.KeycrmFactory;
import io.leadflow.connector.keycrm.emulator.CatalogStore;
import io.leadflow.connector.keycrm.emulator.KeycrmEmulator;
import io.leadflow.connector.shopexpress.ShopExpressCatalog;
import io.leadflow.connector.shopexpress.ShopExpressFactory;
import io.leadflow.connector.shopexpress.emulator.ShopExpressEmulator;
import io.leadflow.runtime.journal.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The product sync (KeyCRM → Shop-Express) against both emulators: each new / existing / missing
 * policy, each match key, the price-and-stock scope, the category filter, both KeyCRM emulator
 * modes, and a run that stops in the middle of a write and is resumed by a fresh sync (nothing
 * sent twice, nothing missing, counts as if it had run once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSyncTest {
    private static final Instant PERIOD = Instant.parse("2026-12-03T03:00:00Z");
    private Vertx vertx;
    private KeycrmEmulator keycrm;
    private ShopExpressEmulator shop;
    @TempDir
    Path data;

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        keycrm = Await.result(new KeycrmFactory().startEmulator(vertx, 0));
        shop = Await.result(new ShopExpressFactory().startEmulator(vertx, 0));
    }

    @AfterAll
    void stop() {
        Await.result(vertx.close());
    }

    @BeforeEach
    void reset() {
        keycrm.reset();
        shop.reset();
        keycrm.mode(EmulatorMode.OPTIMISTIC);
    }

    private static AccountConfig fast(AccountConfig a) {
        Map<String, String> s = new HashMap<>(a.settings());
        s.put("rate_limit", "1000/1s");
        return new AccountConfig(a.connector(), a.account(), a.baseUrl(), a.secrets(), s);
    }

    private CatalogStore catalog() {
        return keycrm.data().catalog();
    }

    private ProductSync sync(Path checkpoints, CatalogTarget target) {
        return new ProductSync(KeycrmCatalog.open(vertx, fast(keycrm.account("main"))), target, new FileCheckpointStore(vertx, checkpoints));
    }

    private ShopExpressCatalog shopCatalog() {
        return ShopExpressCatalog.open(vertx, fast(shop.account("shop")));
    }

    private SyncCounts run(SyncOptions o, Instant period) {
        return Await.result(sync(data, shopCatalog()).run("catalog", period, o));
    }

    private static SyncOptions full(MatchKey key, NewPolicy n, ExistingPolicy e, MissingPolicy m, String... categories) {
        return new SyncOptions(Scope.FULL, key, n, e, m, Set.of(categories));
    }

    private JsonObject shopProduct(String field, Object value) {
        return shop.data().products().stream().filter(p -> value.equals(p.getValue(field))).findFirst()
                .orElseThrow(() -> new AssertionError("no shop product with " + field + " = " + value + " in " + shop.data().products()));
    }

    private long shopLinked(long keycrmId) {
        return shop.data().products().stream().filter(p -> String.valueOf(keycrmId).equals(p.getString("external_id"))).count();
    }

    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void fullSync_newHidden_existingUpdated_missingUnavailable_outsideCategoriesLeftAlone(EmulatorMode mode) {
        keycrm.mode(mode);
        long shoes = catalog().addCategory("Shoes", null);
        long hats = catalog().addCategory("Hats", null);
        long a = catalog().addProduct("Boot A", "A1", "4820000000011", new BigDecimal("1200"), 5, shoes);
        long b = catalog().addProduct("Boot B", "B1", "4820000000028", new BigDecimal("900"), 0, shoes);
        catalog().addProduct("Cap C", "C1", "4820000000035", new BigDecimal("300"), 7, hats);
        long gone = catalog().addProduct("Boot Old", "O1", null, new BigDecimal("1"), 1, shoes);
        catalog().archive(gone);
        shop.data().addProduct(new JsonObject().put("name", "boot a").put("sku", "A1").put("price", 1000).put("quantity", 2)
                .put("visible", true).put("available", true));
        shop.data().addProduct(new JsonObject().put("name", "Boot Old").put("external_id", String.valueOf(gone)).put("price", 1)
                .put("visible", true).put("available", true));

        SyncCounts c = run(full(MatchKey.SKU, NewPolicy.HIDE, ExistingPolicy.UPDATE, MissingPolicy.UNAVAILABLE, String.valueOf(shoes)), PERIOD);
        assertEquals(counts(1, 1, 1, 0, 0, 1, 0, 0), c, "the filtered category made in the shop, Hats not");
        JsonObject updated = shopProduct("sku", "A1");
        assertEquals("Boot A", updated.getString("name"));
        assertEquals(String.valueOf(a), updated.getString("external_id"), "linked");
        assertEquals(0, new BigDecimal("1200").compareTo(new BigDecimal(String.valueOf(updated.getValue("price")))));
        assertEquals(5, ((Number) updated.getValue("quantity")).intValue());
        JsonObject created = shopProduct("sku", "B1");
        assertEquals(false, created.getBoolean("visible"), "new products are created hidden");
        assertEquals(String.valueOf(b), created.getString("external_id"));
        assertEquals("4820000000028", created.getString("barcode"));
        assertEquals(false, shopProduct("name", "Boot Old").getBoolean("available"), "gone from KeyCRM: unavailable");
        assertEquals(true, shopProduct("name", "Boot Old").getBoolean("visible"));
        assertTrue(shop.data().products().stream().noneMatch(p -> "C1".equals(p.getString("sku"))), "outside the category filter");

        long writes = shop.counters().total();
        assertEquals(counts(1, 1, 1, 0, 0, 1, 0, 0), run(full(MatchKey.SKU, NewPolicy.HIDE, ExistingPolicy.UPDATE,
                MissingPolicy.UNAVAILABLE, String.valueOf(shoes)), PERIOD), "a finished period answers its counts");
        assertEquals(writes, shop.counters().total(), "and is not run again");
        assertEquals(counts(0, 0, 0, 2, 0, 0, 1, 0), run(full(MatchKey.SKU, NewPolicy.HIDE, ExistingPolicy.UPDATE,
                MissingPolicy.UNAVAILABLE, String.valueOf(shoes)), PERIOD.plusSeconds(86_400)), "the next period changes nothing");
    }

    @Test
    void publish_skip_existingSkip_andMissingHide() {
        long a = catalog().addProduct("Published", "P1", null, new BigDecimal("10"), 1, null);
        shop.data().addProduct(new JsonObject().put("name", "Kept").put("sku", "K1").put("price", 5).put("visible", true));
        catalog().addProduct("Kept renamed", "K1", null, new BigDecimal("50"), 1, null);
        shop.data().addProduct(new JsonObject().put("name", "Gone").put("external_id", "77777").put("visible", true).put("available", true));
        SyncCounts c = run(full(MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.SKIP, MissingPolicy.HIDE), PERIOD);
        assertEquals(new SyncCounts(1, 0, 1, 1, 0), c);
        assertEquals(true, shopProduct("external_id", String.valueOf(a)).getBoolean("visible"));
        assertEquals("Kept", shopProduct("sku", "K1").getString("name"), "existing: skip leaves it as it is");
        assertEquals(false, shopProduct("name", "Gone").getBoolean("visible"));
        assertEquals(true, shopProduct("name", "Gone").getBoolean("available"));

        catalog().addProduct("Never made", "N1", null, new BigDecimal("1"), 1, null);
        SyncCounts skip = run(full(MatchKey.SKU, NewPolicy.SKIP, ExistingPolicy.UPDATE, MissingPolicy.NOTHING), PERIOD.plusSeconds(60));
        assertEquals(0, skip.created());
        assertTrue(shop.data().products().stream().noneMatch(p -> "N1".equals(p.getString("sku"))));
        assertEquals(true, shop.data().products().stream().anyMatch(p -> "Gone".equals(p.getString("name")) && !p.getBoolean("visible")),
                "missing: nothing leaves it");
    }

    @ParameterizedTest
    @EnumSource(MatchKey.class)
    void eachMatchKey_findsTheShopProduct_insteadOfMakingASecond(MatchKey key) {
        long id = catalog().addProduct("Linen Shirt", "LS-1", "4820000000042", new BigDecimal("700"), 3, null);
        JsonObject existing = new JsonObject().put("price", 500).put("visible", true);
        switch (key) {
            case SKU -> existing.put("sku", "LS-1");
            case NAME -> existing.put("name", "  linen   SHIRT ");
            case BARCODE -> existing.put("barcode", "4820000000042");
            case EXTERNAL_ID -> existing.put("external_id", String.valueOf(id));
            case ID -> { }
        }
        JsonObject made = shop.data().addProduct(existing);
        if (key == MatchKey.ID) {
            // the shop's own id equals KeyCRM's (a shop imported with KeyCRM's ids)
            shop.reset();
            for (long i = 1; i < id; i++) shop.data().addProduct(new JsonObject().put("name", "filler " + i).put("sku", "F" + i));
            made = shop.data().addProduct(existing);
            assertEquals(id, made.getLong("id"));
        }
        int before = shop.data().products().size();
        SyncCounts c = run(full(key, NewPolicy.PUBLISH, ExistingPolicy.UPDATE, MissingPolicy.NOTHING), PERIOD);
        assertEquals(0, c.created(), key + ": " + c);
        assertEquals(1, c.updated(), key + ": " + c);
        assertEquals(before, shop.data().products().size());
        JsonObject now = shop.data().product(made.getLong("id")).orElseThrow();
        assertEquals(String.valueOf(id), now.getString("external_id"));
        assertEquals("Linen Shirt", now.getString("name"));
    }

    @Test
    void pricesScope_changesOnlyPriceAndStock_ofProductsTheShopHas() {
        long a = catalog().addProduct("Mug", "M1", null, new BigDecimal("100"), 10, null);
        catalog().addProduct("Plate", "PL1", null, new BigDecimal("80"), 4, null);
        shop.data().addProduct(new JsonObject().put("name", "Shop's own mug name").put("sku", "M1").put("external_id", String.valueOf(a))
                .put("price", 90).put("quantity", 1).put("visible", true));
        catalog().setPriceAndStock(a, new BigDecimal("120"), 6);
        SyncCounts c = run(new SyncOptions(Scope.PRICES, MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE, MissingPolicy.HIDE, Set.of()), PERIOD);
        assertEquals(new SyncCounts(0, 1, 0, 1, 0), c);
        JsonObject mug = shopProduct("sku", "M1");
        assertEquals("Shop's own mug name", mug.getString("name"), "a prices run leaves the other fields");
        assertEquals(6, ((Number) mug.getValue("quantity")).intValue());
        assertEquals(0, new BigDecimal("120").compareTo(new BigDecimal(String.valueOf(mug.getValue("price")))));
        assertEquals(1, shop.data().products().size(), "a prices run creates nothing");
    }

    /** A target that dies (as a killed process would) at the n-th write, before or after sending it. */
    private static final class Dying implements CatalogTarget {
        private final CatalogTarget real;
        private final int at;
        private final boolean afterSending;
        private final AtomicInteger writes = new AtomicInteger();
        private boolean variants = true;
        private boolean categoryChanges = true;

        Dying(CatalogTarget real, int at, boolean afterSending) {
            this.real = real;
            this.at = at;
            this.afterSending = afterSending;
        }

        /** The same shop as one whose products take no variants. */
        Dying withoutVariants() {
            variants = false;
            return this;
        }

        @Override
        public boolean variants() {
            return variants && real.variants();
        }

        @Override
        public Future<List<ShopProduct>> products() {
            return real.products();
        }

        @Override
        public Future<String> create(Map<String, Object> fields) {
            return write(() -> real.create(fields));
        }

        @Override
        public Future<Void> change(String id, Map<String, Object> fields) {
            return write(() -> real.change(id, fields));
        }

        @Override
        public Future<List<ShopCategory>> categories() {
            return real.categories();
        }

        @Override
        public Future<String> createCategory(Map<String, Object> fields) {
            return write(() -> real.createCategory(fields));
        }

        @Override
        public boolean categoryChanges() {
            return categoryChanges && real.categoryChanges();
        }

        @Override
        public Future<Void> changeCategory(String id, Map<String, Object> fields) {
            return write(() -> real.changeCategory(id, fields));
        }

        /** The same shop as one whose categories cannot be changed. */
        Dying withoutCategoryChanges() {
            categoryChanges = false;
            return this;
        }

        private <T> Future<T> write(java.util.function.Supplier<Future<T>> call) {
            return writes.incrementAndGet() != at ? call.get()
                    : afterSending ? call.get().compose(x -> Future.failedFuture(new IllegalStateException("killed after the write")))
                    : Future.failedFuture(new IllegalStateException("killed before the write"));
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aRunStoppedInTheMiddleOfAWrite_resumes_sendingNothingTwice(boolean afterSending) {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) ids.add(catalog().addProduct("Item " + i, "I" + i, null, new BigDecimal(10 + i), i, null));
        shop.data().addProduct(new JsonObject().put("name", "Old").put("external_id", "55555").put("visible", true).put("available", true));
        SyncOptions o = full(MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE, MissingPolicy.UNAVAILABLE);
        int[] stops = {4, 3, 6};
        for (int stop : stops) {
            Throwable e = Await.failure(sync(data, new Dying(shopCatalog(), stop, afterSending)).run("catalog", PERIOD, o));
            assertTrue(e.getMessage().startsWith("killed"), e.getMessage());
        }
        SyncCounts c = Await.result(sync(data, shopCatalog()).run("catalog", PERIOD, o));
        assertEquals(new SyncCounts(12, 0, 1, 0, 0), c, "counted once each, as an uninterrupted run would");
        for (long id : ids) assertEquals(1, shopLinked(id), "product " + id + " once in the shop");
        assertEquals(12, shop.counters().get("POST /api/v1/products"), "every product created once: a write that was cut off is not resent");
        assertEquals(false, shopProduct("name", "Old").getBoolean("available"));
    }

    private JsonObject shopCategory(String field, Object value) {
        return shop.data().categories().stream().filter(c -> value.equals(c.getValue(field))).findFirst()
                .orElseThrow(() -> new AssertionError("no shop category with " + field + " = " + value + " in " + shop.data().categories()));
    }

    private static String id(JsonObject record) {
        return String.valueOf(record.getValue("id"));
    }

    private static SyncCounts counts(int created, int updated, int hidden, int unchanged, int failed, int catCreated, int catUnchanged, int catFailed) {
        return new SyncCounts(created, updated, hidden, unchanged, failed, new SyncCounts.Categories(catCreated, catUnchanged, catFailed));
    }

    /** Categories: made in the shop with their parent, the shop's own matched by name under the same parent, products filed in theirs. */
    @ParameterizedTest
    @EnumSource(EmulatorMode.class)
    void fullSync_createsMissingCategoriesUnderTheirParent_matchesExistingOnes_andFilesProducts(EmulatorMode mode) {
        keycrm.mode(mode);
        long clothes = catalog().addCategory("Clothes", null);
        long shoes = catalog().addCategory("Shoes", clothes);
        long hats = catalog().addCategory("Hats", null);
        long winter = catalog().addCategory("Winter", shoes);
        long boot = catalog().addProduct("Boot", "B1", null, new BigDecimal("900"), 2, winter);
        long cap = catalog().addProduct("Cap", "C1", null, new BigDecimal("300"), 1, hats);
        JsonObject ownHats = shop.data().addCategory(new JsonObject().put("name", " HATS "));
        JsonObject otherShoes = shop.data().addCategory(new JsonObject().put("name", "Shoes"));   // at the root: not Clothes › Shoes

        SyncCounts c = run(full(MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE, MissingPolicy.NOTHING), PERIOD);
        assertEquals(new SyncCounts(2, 0, 0, 0, 0, new SyncCounts.Categories(3, 0, 0, 1)), c, "the shop's Hats found by name and linked");
        assertEquals(String.valueOf(hats), shop.data().categories().stream().filter(x -> x.getValue("id").equals(ownHats.getValue("id")))
                .findFirst().orElseThrow().getString("external_id"));
        assertEquals("Hats", shopCategory("external_id", String.valueOf(hats)).getString("name"), "and spelt as in KeyCRM");
        JsonObject madeClothes = shopCategory("external_id", String.valueOf(clothes));
        JsonObject madeShoes = shopCategory("external_id", String.valueOf(shoes));
        JsonObject madeWinter = shopCategory("external_id", String.valueOf(winter));
        assertNull(madeClothes.getValue("parent_id"));
        assertEquals(id(madeClothes), String.valueOf(madeShoes.getValue("parent_id")), "Shoes under Clothes, not the shop's root Shoes");
        assertEquals(id(madeShoes), String.valueOf(madeWinter.getValue("parent_id")));
        assertNotEquals(id(otherShoes), id(madeShoes));
        assertEquals(5, shop.data().categories().size(), "the shop's Hats was matched, not made again");
        assertEquals(id(madeWinter), String.valueOf(shopProduct("external_id", String.valueOf(boot)).getValue("category_id")));
        assertEquals(id(ownHats), String.valueOf(shopProduct("external_id", String.valueOf(cap)).getValue("category_id")));

        long posts = shop.counters().get("POST /api/v1/categories");
        assertEquals(counts(0, 0, 0, 2, 0, 0, 4, 0), run(full(MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE, MissingPolicy.NOTHING),
                PERIOD.plusSeconds(86_400)), "the next period: every category found, every product in its place");
        assertEquals(posts, shop.counters().get("POST /api/v1/categories"));
    }

    @Test
    void aCategoryFilter_bringsTheNamedCategoriesAndTheirAncestors_only() {
        long clothes = catalog().addCategory("Clothes", null);
        long shoes = catalog().addCategory("Shoes", clothes);
        catalog().addCategory("Hats", null);
        catalog().addProduct("Boot", "B1", null, new BigDecimal("900"), 2, shoes);
        SyncCounts c = run(full(MatchKey.SKU, NewPolicy.HIDE, ExistingPolicy.UPDATE, MissingPolicy.NOTHING, String.valueOf(shoes)), PERIOD);
        assertEquals(counts(1, 0, 0, 0, 0, 2, 0, 0), c);
        assertEquals(List.of("Clothes", "Shoes"), shop.data().categories().stream().map(j -> j.getString("name")).toList());
    }

    @Test
    void aPricesRun_neitherReadsNorWritesCategories() {
        long shoes = catalog().addCategory("Shoes", null);
        long a = catalog().addProduct("Boot", "B1", null, new BigDecimal("900"), 2, shoes);
        shop.data().addProduct(new JsonObject().put("name", "Boot").put("sku", "B1").put("external_id", String.valueOf(a)).put("price", 800));
        assertEquals(counts(0, 1, 0, 0, 0, 0, 0, 0), run(new SyncOptions(Scope.PRICES, MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE,
                MissingPolicy.NOTHING, Set.of()), PERIOD));
        assertEquals(0, shop.counters().get("GET /api/v1/categories") + shop.counters().get("POST /api/v1/categories"));
    }

    /** Stopped at category and product writes (before or after sending): each category and product made once, counted once. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aRunStoppedWhileMakingCategories_resumes_makingEachOnce(boolean afterSending) {
        long root = catalog().addCategory("Root", null);
        List<Long> cats = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) cats.add(catalog().addCategory("Sub " + i, root));
        for (int i = 0; i < 4; i++) catalog().addProduct("Item " + i, "I" + i, null, new BigDecimal(10 + i), i, cats.get(i));
        SyncOptions o = full(MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE, MissingPolicy.NOTHING);
        for (int stop : new int[] {1, 2, 2, 2}) {
            Throwable e = Await.failure(sync(data, new Dying(shopCatalog(), stop, afterSending)).run("catalog", PERIOD, o));
            assertTrue(e.getMessage().startsWith("killed"), e.getMessage());
        }
        SyncCounts c = Await.result(sync(data, shopCatalog()).run("catalog", PERIOD, o));
        assertEquals(counts(4, 0, 0, 0, 0, 5, 0, 0), c, "counted once each, as an uninterrupted run would");
        assertEquals(5, shop.data().categories().size());
        assertEquals(5, shop.counters().get("POST /api/v1/categories"), "a category create that was cut off is not resent");
        for (int i = 0; i < 4; i++) {
            assertEquals(id(shopCategory("external_id", String.valueOf(cats.get(i)))), String.valueOf(shopProduct("sku", "I" + i).getValue("category_id")));
        }
    }

    private static BigDecimal number(Object v) {
        return new BigDecimal(String.valueOf(v));
    }

    /** A KeyCRM product with three offers: one shop product whose variants are the offers (SKU, barcode, price, stock each). */
    @Test
    void aProductWithSeveralOffers_isOneShopProductWithAVariantPerOffer() {
        long shirt = catalog().addProduct("Shirt", "SH", "4820000000101", new BigDecimal("450"), 2, null);
        long m = keycrmOffer(shirt, 0);
        long l = catalog().addOffer(shirt, "SH-L", "4820000000102", new BigDecimal("470"), 5);
        long xl = catalog().addOffer(shirt, "SH-XL", null, new BigDecimal("490"), 0);
        assertEquals(counts(1, 0, 0, 0, 0, 0, 0, 0), run(full(MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE, MissingPolicy.NOTHING), PERIOD));
        JsonObject p = shopProduct("external_id", String.valueOf(shirt));
        assertEquals(7, p.getInteger("quantity"), "the product's stock is the offers' sum");
        var variants = p.getJsonArray("variants");
        assertEquals(3, variants.size(), p.encode());
        assertEquals(List.of(String.valueOf(m), String.valueOf(l), String.valueOf(xl)),
                variants.stream().map(v -> ((JsonObject) v).getString("external_id")).toList(), "one variant per offer, in offer order");
        JsonObject large = variants.getJsonObject(1);
        assertEquals("SH-L", large.getString("sku"));
        assertEquals("4820000000102", large.getString("barcode"));
        assertEquals(0, new BigDecimal("470").compareTo(number(large.getValue("price"))));
        assertEquals(5, large.getInteger("quantity"));
        assertFalse(variants.getJsonObject(2).containsKey("barcode"), "an offer without a barcode: none sent");

        long patches = shop.counters().get("PATCH /api/v1/products/{id}");
        assertEquals(counts(0, 0, 0, 1, 0, 0, 0, 0), run(full(MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE, MissingPolicy.NOTHING),
                PERIOD.plusSeconds(86_400)), "variants read back compare equal (450 = 450.00): nothing sent");
        assertEquals(patches, shop.counters().get("PATCH /api/v1/products/{id}"));

        catalog().setOffer(l, new BigDecimal("480"), 1);
        assertEquals(counts(0, 1, 0, 0, 0, 0, 0, 0), run(new SyncOptions(Scope.PRICES, MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE,
                MissingPolicy.NOTHING, Set.of()), PERIOD.plusSeconds(2 * 86_400)));
        JsonObject after = shopProduct("external_id", String.valueOf(shirt));
        assertEquals(0, new BigDecimal("480").compareTo(number(after.getJsonArray("variants").getJsonObject(1).getValue("price"))));
        assertEquals(1, after.getJsonArray("variants").getJsonObject(1).getInteger("quantity"));
        assertEquals("SH-XL", after.getJsonArray("variants").getJsonObject(2).getString("sku"), "the other variants as they were");
        assertEquals(3, after.getInteger("quantity"));
    }

    /** A shop whose products take no variants: the several offers are one plain product (first offer's barcode and price, stock summed). */
    @Test
    void aShopWithoutVariants_getsOnePlainProduct() {
        long shirt = catalog().addProduct("Shirt", "SH", "4820000000101", new BigDecimal("450"), 2, null);
        catalog().addOffer(shirt, "SH-L", "4820000000102", new BigDecimal("470"), 5);
        SyncCounts c = Await.result(sync(data, new Dying(shopCatalog(), -1, false).withoutVariants()).run("catalog", PERIOD,
                full(MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE, MissingPolicy.NOTHING)));
        assertEquals(1, c.created());
        JsonObject p = shopProduct("external_id", String.valueOf(shirt));
        assertFalse(p.containsKey("variants"), p.encode());
        assertEquals("4820000000101", p.getString("barcode"));
        assertEquals(0, new BigDecimal("450").compareTo(number(p.getValue("price"))));
        assertEquals(7, p.getInteger("quantity"));
    }

    /**
     * Issue 11: a KeyCRM category renamed and moved to another parent is renamed and moved in the
     * shop on the next full run (found by its link; none made again, its products stay in it); a
     * shop category found by name is linked, so a later rename in KeyCRM follows it too.
     */
    @Test
    void aCategoryRenamedOrMovedInKeycrm_isRenamedAndMovedInTheShop_foundByItsLink() {
        long clothes = catalog().addCategory("Clothes", null);
        long shoes = catalog().addCategory("Shoes", clothes);
        long hats = catalog().addCategory("Hats", null);
        long boot = catalog().addProduct("Boot", "B1", null, new BigDecimal("900"), 2, shoes);
        JsonObject ownHats = shop.data().addCategory(new JsonObject().put("name", "Hats"));
        SyncOptions o = full(MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE, MissingPolicy.NOTHING);
        run(o, PERIOD);
        String shopShoes = id(shopCategory("external_id", String.valueOf(shoes)));
        String shopHats = id(ownHats);

        catalog().putCategory(shoes, "Footwear", hats, true);
        catalog().putCategory(hats, "Caps and hats", null, false);
        SyncCounts c = run(o, PERIOD.plusSeconds(86_400));
        assertEquals(new SyncCounts(0, 0, 0, 1, 0, new SyncCounts.Categories(0, 1, 0, 2)), c);
        JsonObject moved = shopCategory("external_id", String.valueOf(shoes));
        assertEquals(shopShoes, id(moved), "the same shop category, found by its link");
        assertEquals("Footwear", moved.getString("name"));
        assertEquals(shopHats, String.valueOf(moved.getValue("parent_id")), "moved under the shop's (linked) Hats");
        assertEquals("Caps and hats", shopCategory("id", ownHats.getValue("id")).getString("name"), "the shop's own, linked by name before, renamed");
        assertEquals(3, shop.data().categories().size(), "none made again");
        assertEquals(shopShoes, String.valueOf(shopProduct("external_id", String.valueOf(boot)).getValue("category_id")));

        catalog().putCategory(shoes, null, null, true);
        assertEquals(new SyncCounts.Categories(0, 2, 0, 1), run(o, PERIOD.plusSeconds(2 * 86_400)).categories(), "moved to the root");
        assertNull(shopCategory("external_id", String.valueOf(shoes)).getValue("parent_id"));
        long patches = shop.counters().get("PATCH /api/v1/categories/{id}");
        assertEquals(new SyncCounts.Categories(0, 3, 0, 0), run(o, PERIOD.plusSeconds(3 * 86_400)).categories(), "then nothing to change");
        assertEquals(patches, shop.counters().get("PATCH /api/v1/categories/{id}"));

        // existing: "skip", or a shop whose categories cannot be changed: found, left as they are
        catalog().putCategory(shoes, "Boots", null, false);
        assertEquals(new SyncCounts.Categories(0, 3, 0, 0), run(full(MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.SKIP, MissingPolicy.NOTHING),
                PERIOD.plusSeconds(4 * 86_400)).categories());
        assertEquals(new SyncCounts.Categories(0, 3, 0, 0), Await.result(sync(data, new Dying(shopCatalog(), -1, false).withoutCategoryChanges())
                .run("catalog", PERIOD.plusSeconds(5 * 86_400), o)).categories());
        assertEquals("Footwear", shopCategory("id", moved.getValue("id")).getString("name"));
    }

    /** A category change cut off before or after it was sent is made once on the resumed run, counted once. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aRunStoppedWhileChangingACategory_resumes_changingItOnce(boolean afterSending) {
        long shoes = catalog().addCategory("Shoes", null);
        SyncOptions o = full(MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE, MissingPolicy.NOTHING);
        run(o, PERIOD);
        catalog().putCategory(shoes, "Footwear", null, false);
        Instant next = PERIOD.plusSeconds(86_400);
        Throwable e = Await.failure(sync(data, new Dying(shopCatalog(), 1, afterSending)).run("catalog", next, o));
        assertTrue(e.getMessage().startsWith("killed"), e.getMessage());
        assertEquals(new SyncCounts.Categories(0, 0, 0, 1), Await.result(sync(data, shopCatalog()).run("catalog", next, o)).categories());
        String id = id(shopCategory("external_id", String.valueOf(shoes)));
        assertEquals("Footwear", shopCategory("id", Long.parseLong(id)).getString("name"));
        assertEquals(1, shop.counters().get("PATCH /api/v1/categories/{id}"), "the change cut off is not sent again when it took effect");
    }

    /**
     * Issue 11: a KeyCRM product that goes back to one offer loses its variants in the shop on the
     * next full run (the whole list is replaced by none [U]) and is a plain product again: the
     * offer's barcode, price and stock.
     */
    @Test
    void aProductBackToOneOffer_losesItsVariants_andIsAPlainProductAgain() {
        long shirt = catalog().addProduct("Shirt", "SH", "4820000000101", new BigDecimal("450"), 2, null);
        long m = keycrmOffer(shirt, 0);
        long l = catalog().addOffer(shirt, "SH-L", "4820000000102", new BigDecimal("470"), 5);
        SyncOptions o = full(MatchKey.SKU, NewPolicy.PUBLISH, ExistingPolicy.UPDATE, MissingPolicy.NOTHING);
        run(o, PERIOD);
        assertEquals(2, shopProduct("external_id", String.valueOf(shirt)).getJsonArray("variants").size());

        catalog().setOffers(shirt, List.of(new JsonObject().put("id", l).put("price", 480).put("quantity", 4)));
        assertEquals(counts(0, 1, 0, 0, 0, 0, 0, 0), run(o, PERIOD.plusSeconds(86_400)));
        JsonObject p = shopProduct("external_id", String.valueOf(shirt));
        assertEquals(0, p.getJsonArray("variants", new io.vertx.core.json.JsonArray()).size(), "no variants left: " + p.encode());
        assertEquals("4820000000102", p.getString("barcode"), "the one offer's barcode");
        assertEquals(0, new BigDecimal("480").compareTo(number(p.getValue("price"))));
        assertEquals(4, p.getInteger("quantity"));
        assertEquals("SH", p.getString("sku"), "the product's SKU");
        assertEquals(counts(0, 0, 0, 1, 0, 0, 0, 0), run(o, PERIOD.plusSeconds(2 * 86_400)), "then nothing to send");
        assertTrue(m != l);
    }

    /** The id of the {@code n}-th offer KeyCRM's emulator lists for a product. */
    private long keycrmOffer(long product, int n) {
        return keycrm.data().snapshot().getJsonArray("offers").stream().map(o -> (JsonObject) o)
                .filter(o -> o.getLong("product_id") == product).skip(n).findFirst().orElseThrow().getLong("id");
    }

    private ProductSyncJob job() {
        return new ProductSyncJob(k -> Future.succeededFuture(fast(k.connector().equals("keycrm") ? keycrm.account("main") : shop.account("shop"))),
                new FileCheckpointStore(vertx, data.resolve("sync")));
    }

    private JobContext context(String schedule) {
        return new JobContext(vertx, schedule, Map.of("from", "main", "to", "shop", "match", "sku", "new", "publish", "missing", "hide"),
                PERIOD, "catalog.flow:1:1");
    }

    /** GET /v1/schedules reads the job's counts from the checkpoint: a new process (a restart) still shows the last run. */
    @Test
    void theJobsCountsOfTheLastRun_surviveARestart() {
        catalog().addProduct("Boot", "B1", null, new BigDecimal("900"), 3, null);
        catalog().addProduct("Cap", "C1", null, new BigDecimal("300"), 1, null);
        shop.data().addProduct(new JsonObject().put("name", "Old cap").put("sku", "C1").put("price", 250).put("visible", true));
        shop.data().addProduct(new JsonObject().put("name", "Gone").put("external_id", "99999").put("visible", true));
        ProductSyncJob first = job();
        Await.result(first.run(context("catalog daily")));
        Map<String, Object> expected = Map.of("period", PERIOD.toString(), "finished", true,
                "counts", Map.of("created", 1, "updated", 1, "hidden", 1, "unchanged", 0, "failed", 0,
                        "categories", Map.of("created", 0, "updated", 0, "unchanged", 0, "failed", 0)));
        assertEquals(expected, Await.result(first.lastRuns(List.of("catalog daily"))).get("catalog daily"));

        Map<String, Map<String, Object>> after = Await.result(job().lastRuns(List.of("catalog daily", "never ran")));
        assertEquals(expected, after.get("catalog daily"), "the counts come from the checkpoint, not from the process");
        assertFalse(after.containsKey("never ran"));
    }

    @Test
    void aJobRunThatStoppedBeforeItsFirstProduct_showsItsErrorInThisProcess() {
        ProductSyncJob job = new ProductSyncJob(k -> Future.failedFuture(new IllegalStateException("no account " + k)),
                new FileCheckpointStore(vertx, data.resolve("sync-errors")));
        assertNotNull(Await.failure(job.run(context("prices"))));
        Map<String, Object> run = Await.result(job.lastRuns(List.of("prices"))).get("prices");
        assertEquals(false, run.get("finished"));
        assertTrue(String.valueOf(run.get("error")).contains("no account"), run.toString());
    }
}
