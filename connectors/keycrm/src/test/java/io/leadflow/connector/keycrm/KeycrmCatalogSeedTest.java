package io.leadflow.connector.keycrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.contract.Await;
import io.leadflow.connector.keycrm.emulator.KeycrmEmulator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KeyCRM catalog seeded over {@code POST /__emulator/seed} (KeyCRM's own fields) reads back
 * through KeyCRM's documented routes ({@code GET /products}, {@code /offers},
 * {@code /products/categories}); a second seed renames, moves, reprices and archives; a bad seed
 * changes nothing; the catalog survives an emulator restart on its records file.
 */
class KeycrmCatalogSeedTest extends KeycrmTestBed {

    private HttpResponse<Buffer> call(String method, String path, JsonObject body, boolean auth) {
        var req = WebClient.create(vertx).request(io.vertx.core.http.HttpMethod.valueOf(method), emulator.port(), "127.0.0.1", path);
        if (auth) req.putHeader("Authorization", "Bearer " + KeycrmEmulator.TEST_KEY);
        return Await.result(body == null ? req.send() : req.sendJsonObject(body));
    }

    private HttpResponse<Buffer> seed(String json) {
        return call("POST", "/__emulator/seed", new JsonObject(json), false);
    }

    private JsonArray data(String path) {
        HttpResponse<Buffer> r = call("GET", path, null, true);
        assertEquals(200, r.statusCode(), r.bodyAsString());
        return r.bodyAsJsonObject().getJsonArray("data");
    }

    private static JsonObject byId(JsonArray a, long id) {
        for (Object o : a) if (((JsonObject) o).getLong("id") == id) return (JsonObject) o;
        throw new AssertionError("no " + id + " in " + a.encode());
    }

    private static final String CATALOG = """
            {"categories": [{"id": 10, "name": "Одяг"}, {"id": 11, "name": "Футболки", "parent_id": 10}, {"name": "Взуття"}],
             "products": [{"id": 100, "name": "Футболка", "sku": "TSH", "category_id": 11, "barcode": "4820000000011", "price": 450, "quantity": 5},
                          {"name": "Худі", "sku": "HD", "category_id": 10, "offers": [
                              {"sku": "HD-S", "barcode": "4820000000028", "price": 900, "quantity": 2},
                              {"sku": "HD-M", "barcode": "4820000000035", "price": 950, "quantity": 1}]}]}""";

    @Test
    void aSeededCatalog_readsBackThroughKeycrmsRoutes() {
        HttpResponse<Buffer> r = seed(CATALOG);
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonObject ids = r.bodyAsJsonObject();
        assertEquals(new JsonArray().add(10).add(11).add(12), ids.getJsonArray("categories"));
        assertEquals(new JsonArray().add(100).add(101), ids.getJsonArray("products"));
        long hoodie = 101;
        JsonArray hoodieOffers = ids.getJsonArray("offers").getJsonArray(1);
        assertEquals(2, hoodieOffers.size());

        JsonArray cats = data("/v1/products/categories?limit=50");
        assertEquals(3, cats.size());
        assertEquals(10L, byId(cats, 11).getLong("parent_id"));
        assertEquals("Взуття", byId(cats, 12).getString("name"));
        JsonObject tshirt = byId(data("/v1/products?limit=50"), 100);
        assertEquals("TSH", tshirt.getString("sku"));
        assertEquals(11L, tshirt.getLong("category_id"));
        assertEquals(5, tshirt.getInteger("quantity"));
        JsonObject h = byId(data("/v1/products?limit=50"), hoodie);
        assertEquals(3, h.getInteger("quantity"), "the stock of its offers");
        assertEquals(900, h.getInteger("min_price"));
        assertEquals(950, h.getInteger("max_price"));
        JsonArray offers = data("/v1/offers?limit=50&filter[product_id]=" + hoodie);
        assertEquals(List.of("HD-S", "HD-M"), offers.stream().map(o -> ((JsonObject) o).getString("sku")).toList());
        assertEquals("4820000000011", data("/v1/offers?limit=50&filter[product_id]=100").getJsonObject(0).getString("barcode"));
    }

    @Test
    void aSecondSeed_renamesMovesRepricesAndArchives() {
        seed(CATALOG);
        long firstOffer = data("/v1/offers?filter[product_id]=101").getJsonObject(0).getLong("id");
        HttpResponse<Buffer> r = seed("""
                {"categories": [{"id": 11, "name": "Футболки й майки", "parent_id": 12}],
                 "products": [{"id": 100, "price": 500, "quantity": 0},
                              {"id": 101, "offers": [{"id": %d, "price": 990, "quantity": 4}]},
                              {"id": 102, "name": "Кепка", "sku": "CAP", "price": 300, "quantity": 1}]}""".formatted(firstOffer));
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonObject moved = byId(data("/v1/products/categories"), 11);
        assertEquals("Футболки й майки", moved.getString("name"));
        assertEquals(12L, moved.getLong("parent_id"));
        JsonObject tshirt = byId(data("/v1/products"), 100);
        assertEquals(0, tshirt.getInteger("quantity"));
        assertEquals(500, data("/v1/offers?filter[product_id]=100").getJsonObject(0).getInteger("price"));
        JsonArray hoodieOffers = data("/v1/offers?filter[product_id]=101");
        assertEquals(1, hoodieOffers.size(), "back to one offer: the other is deleted");
        assertEquals("HD-S", hoodieOffers.getJsonObject(0).getString("sku"), "the offer kept is the one named, changed");
        assertEquals(990, hoodieOffers.getJsonObject(0).getInteger("price"));
        assertEquals(4, byId(data("/v1/products"), 101).getInteger("quantity"));

        assertEquals(200, seed("{\"products\": [{\"id\": 102, \"is_archived\": true}]}").statusCode());
        assertEquals(2, data("/v1/products?filter[is_archived]=false").size());
        assertTrue(byId(data("/v1/products"), 102).getBoolean("is_archived"));
        assertTrue(data("/v1/offers?filter[product_id]=102").getJsonObject(0).getBoolean("is_archived"), "its offers are archived with it");
    }

    @Test
    void aBadSeed_is400_andChangesNothing() {
        seed(CATALOG);
        JsonArray before = data("/v1/products");
        for (String bad : List.of(
                "{\"products\": [{\"id\": 100, \"price\": 1}, {\"name\": \"X\", \"category_id\": 99}]}",
                "{\"categories\": [{\"name\": \"Y\", \"parent_id\": 77}]}",
                "{\"products\": [{\"id\": 101, \"price\": 5}]}",
                "{\"products\": [{\"name\": \"Z\", \"colour\": \"red\"}]}",
                "{\"products\": [{\"sku\": \"no name\"}]}")) {
            HttpResponse<Buffer> r = seed(bad);
            assertEquals(400, r.statusCode(), bad + " -> " + r.bodyAsString());
            assertTrue(r.bodyAsJsonObject().getString("error").startsWith("bad seed request: "), r.bodyAsString());
        }
        assertEquals(before, data("/v1/products"));
        assertEquals(3, data("/v1/products/categories").size());
    }

    @Test
    void theCatalog_survivesARestart_andIdsContinue(@TempDir Path dir) {
        Path file = dir.resolve("keycrm.json");
        Await.result(emulator.keepRecordsIn(file));
        seed(CATALOG);
        Await.result(emulator.stop());
        KeycrmEmulator second = Await.result(new KeycrmFactory().startEmulator(vertx, 0));
        try {
            Await.result(second.keepRecordsIn(file));
            JsonObject state = second.data().snapshot();
            assertEquals(2, state.getJsonArray("products").size());
            assertEquals(3, state.getJsonArray("offers").size());
            assertEquals(3, state.getJsonArray("categories").size());
            long next = second.data().catalog().addProduct("Next", "N", null, java.math.BigDecimal.ONE, 1, null);
            assertEquals(102, next);
        } finally {
            Await.result(second.stop());
        }
    }
}
