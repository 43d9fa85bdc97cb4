package io.leadflow.examples.sandbox;

import static io.leadflow.examples.sandbox.SandboxRun.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * catalog.flow's full sync end to end in {@code serve examples/shopexpress-keycrm --sandbox}, as a
 * sandbox user does it with curl: the KeyCRM catalog (categories, a product with one offer, one
 * with two) is seeded over the KeyCRM emulator's {@code /__emulator/seed}, the shop has a product
 * of its own with the same SKU as one of them, and {@code POST /v1/schedules/catalog%20daily/run}
 * runs the sync now. The shop then holds the example's policies (new products hidden, the SKU
 * match updated and linked, not duplicated, variants, categories); the catalog is changed (price,
 * stock, an offer's price, a product archived) and run again: updated, the archived one made
 * unavailable, and the counts of each run in {@code GET /v1/schedules}; then a category renamed and
 * moved and a product back to one offer: renamed and moved in the shop, a plain product again.
 * Waits on state, never on time.
 */
class ShopExpressKeycrmCatalogSandboxTest {
    @TempDir
    Path data;

    private static final String DAILY = "catalog daily";

    /** Every schedule's last run, once both of catalog.flow's first runs (at start, empty catalogs) finished. */
    private static JsonNode schedules(SandboxRun run) throws Exception {
        var r = run.getWithAdmin(run.base() + "/v1/schedules");
        assertEquals(200, r.statusCode(), r.body());
        return SandboxRun.JSON.readTree(r.body()).path("schedules");
    }

    private static JsonNode awaitRun(SandboxRun run, String schedule, String period) throws Exception {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        JsonNode last;
        do {
            last = find(schedules(run), "name", schedule).path("lastRun");
            if ((period == null || period.equals(last.path("period").asText())) && last.path("finished").asBoolean()) return last;
            assertTrue(!last.has("error"), schedule + " stopped: " + last + "\n" + run.out());
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        throw new AssertionError(schedule + " did not finish its run for " + period + "; last: " + last + "\nserver said:\n" + run.out());
    }

    /** {@code POST /v1/schedules/<name>/run}: 202 with the run's period. */
    private static String runNow(SandboxRun run, String schedule) throws Exception {
        HttpResponse<String> r = run.post(run.base() + "/v1/schedules/" + schedule.replace(" ", "%20") + "/run", "",
                "Authorization", "Bearer " + SandboxRun.ADMIN);
        assertEquals(202, r.statusCode(), r.body());
        return SandboxRun.JSON.readTree(r.body()).path("period").asText();
    }

    private static JsonNode product(JsonNode shop, String sku) {
        List<JsonNode> hits = new ArrayList<>();
        for (JsonNode p : shop.path("products")) if (sku.equals(p.path("sku").asText(null))) hits.add(p);
        assertEquals(1, hits.size(), "one shop product with SKU " + sku + ": " + shop.path("products"));
        return hits.get(0);
    }

    private static JsonNode category(JsonNode shop, String externalId) {
        JsonNode c = find(shop.path("categories"), "external_id", externalId);
        assertNotNull(c, "a shop category linked to KeyCRM category " + externalId + ": " + shop.path("categories"));
        return c;
    }

    private static void counts(JsonNode lastRun, int created, int updated, int hidden, int unchanged, int failed) {
        JsonNode c = lastRun.path("counts");
        assertEquals(List.of(created, updated, hidden, unchanged, failed), List.of(c.path("created").asInt(), c.path("updated").asInt(),
                c.path("hidden").asInt(), c.path("unchanged").asInt(), c.path("failed").asInt()), "created, updated, hidden, unchanged, failed: " + c);
    }

    @Test
    void aSeededCatalog_isSyncedNow_withTheExamplesPolicies_thenChangedAndSyncedAgain() throws Exception {
        try (SandboxRun run = SandboxRun.start(Path.of("shopexpress-keycrm"), data, Map.of())) {
            awaitRun(run, DAILY, null);
            awaitRun(run, "prices and stock", null);
            String keycrm = run.emulator("keycrm", "main");
            String shop = run.emulator("shopexpress", "shop");

            HttpResponse<String> unknown = run.post(run.base() + "/v1/schedules/nightly/run", "", "Authorization", "Bearer " + SandboxRun.ADMIN);
            assertEquals(404, unknown.statusCode(), unknown.body());
            assertTrue(unknown.body().contains("catalog daily"), "names the declared schedules: " + unknown.body());
            assertEquals(401, run.post(run.base() + "/v1/schedules/catalog%20daily/run", "").statusCode());

            // the shop's own product (made before any sync, not linked) has the SKU of a KeyCRM product
            long own = run.seed(shop, "{\"products\": [{\"name\": \"Футболка базова\", \"sku\": \"TSH\", \"price\": 400, \"quantity\": 1,"
                    + " \"visible\": true, \"available\": true}]}").path("products").get(0).asLong();
            JsonNode ids = run.seed(keycrm, """
                    {"categories": [{"id": 10, "name": "Одяг"}, {"id": 11, "name": "Футболки", "parent_id": 10}],
                     "products": [{"id": 100, "name": "Футболка", "sku": "TSH", "category_id": 11, "barcode": "4820000000011", "price": 450, "quantity": 5},
                                  {"id": 101, "name": "Худі", "sku": "HD", "category_id": 10, "offers": [
                                      {"sku": "HD-S", "barcode": "4820000000028", "price": 900, "quantity": 2},
                                      {"sku": "HD-M", "barcode": "4820000000035", "price": 950, "quantity": 1}]},
                                  {"id": 102, "name": "Кепка", "sku": "CAP", "price": 300, "quantity": 2}]}""");
            long small = ids.path("offers").get(1).get(0).asLong();
            long medium = ids.path("offers").get(1).get(1).asLong();

            String first = runNow(run, DAILY);
            JsonNode one = awaitRun(run, DAILY, first);
            counts(one, 2, 1, 0, 0, 0);
            assertEquals(2, one.path("counts").path("categories").path("created").asInt(), one.toString());

            JsonNode state = run.records(shop);
            JsonNode clothes = category(state, "10");
            JsonNode tees = category(state, "11");
            assertEquals(clothes.path("id").asLong(), tees.path("parent_id").asLong(), "made under its parent");
            JsonNode tsh = product(state, "TSH");
            assertEquals(own, tsh.path("id").asLong(), "matched by SKU (match: \"sku\"): the shop's own product, updated, not a twin");
            assertEquals("100", tsh.path("external_id").asText(), "and linked to the KeyCRM product");
            assertEquals(450, tsh.path("price").asInt());
            assertEquals(5, tsh.path("quantity").asInt());
            assertEquals("Футболка", tsh.path("name").asText(), "existing: \"update\"");
            assertEquals(tees.path("id").asLong(), tsh.path("category_id").asLong());
            assertTrue(tsh.path("visible").asBoolean(), "an existing product's visibility is the shop's");
            JsonNode hd = product(state, "HD");
            assertEquals(false, hd.path("visible").asBoolean(), "new: \"hide\"");
            assertEquals(true, hd.path("available").asBoolean());
            assertEquals(clothes.path("id").asLong(), hd.path("category_id").asLong());
            assertEquals(List.of(String.valueOf(small), String.valueOf(medium)),
                    List.of(hd.path("variants").get(0).path("external_id").asText(), hd.path("variants").get(1).path("external_id").asText()),
                    "two offers: two variants, in offer id order: " + hd);
            assertEquals(950, hd.path("variants").get(1).path("price").asInt());
            assertEquals(3, hd.path("quantity").asInt(), "the stock of its offers");
            JsonNode cap = product(state, "CAP");
            assertEquals(false, cap.path("visible").asBoolean());
            assertEquals(3, state.path("products").size());

            // KeyCRM changes: a price and stock, one offer's price, a product taken out (archived)
            run.seed(keycrm, """
                    {"products": [{"id": 100, "price": 500, "quantity": 0},
                                  {"id": 101, "offers": [{"id": %d, "price": 990, "quantity": 2}, {"id": %d}]},
                                  {"id": 102, "is_archived": true}]}""".formatted(small, medium));
            String second = runNow(run, DAILY);
            JsonNode two = awaitRun(run, DAILY, second);
            counts(two, 0, 2, 1, 0, 0);
            assertEquals(2, two.path("counts").path("categories").path("unchanged").asInt(), "found by their link: " + two);

            JsonNode after = run.records(shop);
            JsonNode tsh2 = product(after, "TSH");
            assertEquals(500, tsh2.path("price").asInt());
            assertEquals(0, tsh2.path("quantity").asInt());
            JsonNode hd2 = product(after, "HD");
            assertEquals(990, hd2.path("variants").get(0).path("price").asInt());
            assertEquals(950, hd2.path("variants").get(1).path("price").asInt());
            JsonNode cap2 = product(after, "CAP");
            assertEquals(false, cap2.path("available").asBoolean(), "missing: \"unavailable\"");
            assertEquals(3, after.path("products").size(), "nothing made twice");
            assertEquals(2, after.path("categories").size());

            // a third run over the same catalog sends nothing
            String third = runNow(run, DAILY);
            counts(awaitRun(run, DAILY, third), 0, 0, 0, 2, 0);
            assertEquals(after.path("products"), run.records(shop).path("products"));

            // a category renamed and moved to a new parent, the hoodie back to one offer
            run.seed(keycrm, """
                    {"categories": [{"id": 12, "name": "Літо"}, {"id": 11, "name": "Футболки й майки", "parent_id": 12}],
                     "products": [{"id": 101, "offers": [{"id": %d}]}]}""".formatted(small));
            String fourth = runNow(run, DAILY);
            JsonNode four = awaitRun(run, DAILY, fourth);
            counts(four, 0, 1, 0, 1, 0);
            assertEquals(List.of(1, 1, 1), List.of(four.path("counts").path("categories").path("created").asInt(),
                    four.path("counts").path("categories").path("updated").asInt(), four.path("counts").path("categories").path("unchanged").asInt()), four.toString());
            JsonNode last = run.records(shop);
            JsonNode summer = category(last, "12");
            JsonNode renamed = category(last, "11");
            assertEquals(tees.path("id"), renamed.path("id"), "the same shop category, found by its link");
            assertEquals("Футболки й майки", renamed.path("name").asText());
            assertEquals(summer.path("id").asLong(), renamed.path("parent_id").asLong(), "moved under its new parent");
            assertEquals(3, last.path("categories").size());
            JsonNode hd4 = product(last, "HD");
            assertEquals(0, hd4.path("variants").size(), "one offer again: no variants: " + hd4);
            assertEquals(990, hd4.path("price").asInt());
            assertEquals(2, hd4.path("quantity").asInt());
            assertEquals("4820000000028", hd4.path("barcode").asText());
        }
    }
}
