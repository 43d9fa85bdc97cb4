package io.leadflow.connector.shopexpress;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.catalog.ShopCategory;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.leadflow.connector.shopexpress.emulator.ShopExpressEmulator;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog's category routes of the (unconfirmed) Shop-Express API, against its emulator and a shop that answers otherwise. */
class ShopExpressCatalogTest extends EmulatorTestBase<ShopExpressEmulator> {

    @Override
    protected Future<ShopExpressEmulator> startEmulator(Vertx vertx) {
        return new ShopExpressFactory().startEmulator(vertx, 0);
    }

    private static Map<String, Object> category(String name, String parent, String external) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("parent_id", parent);
        m.put("external_id", external);
        return m;
    }

    @Test
    void createsACategoryUnderItsParent_andReadsEveryPageBack() {
        ShopExpressCatalog shop = ShopExpressCatalog.open(vertx, emulator.account("shop"));
        String clothes = Await.result(shop.createCategory(category("Clothes", null, "10")));
        String shoes = Await.result(shop.createCategory(category("Shoes", clothes, "11")));
        JsonObject sent = new JsonObject(emulator.lastReceived("POST /api/v1/categories").body());
        assertEquals(Long.parseLong(clothes), ((Number) sent.getValue("parent_id")).longValue(), "the parent is sent as the shop's id, a number as the shop gave it");
        assertInstanceOf(Number.class, sent.getValue("parent_id"));
        assertEquals("11", sent.getValue("external_id"));
        for (int i = 0; i < 120; i++) emulator.data().addCategory(new JsonObject().put("name", "own " + i));
        List<ShopCategory> all = Await.result(shop.categories());
        assertEquals(122, all.size(), "every page of 100");
        assertEquals(new ShopCategory(shoes, "11", "Shoes", clothes), all.get(1));
        PermanentException twin = Await.failure(shop.createCategory(category("Shoes again", clothes, "11")), PermanentException.class);
        assertEquals(409, twin.status());
    }

    /** {@code PATCH /categories/{id}} [U]: renamed, moved to the root and back, linked; a move under itself or below, or a taken link, refused. */
    @Test
    void aCategoryIsRenamedMovedAndLinked_andACycleOrATakenLinkIsRefused() {
        ShopExpressCatalog shop = ShopExpressCatalog.open(vertx, emulator.account("shop"));
        assertTrue(shop.categoryChanges());
        String clothes = Await.result(shop.createCategory(category("Clothes", null, "10")));
        String shoes = Await.result(shop.createCategory(category("Shoes", clothes, "11")));
        String own = String.valueOf(emulator.data().addCategory(new JsonObject().put("name", "Hats")).getValue("id"));
        Map<String, Object> rename = new HashMap<>();
        rename.put("name", "Footwear");
        rename.put("parent_id", null);
        Await.result(shop.changeCategory(shoes, rename));
        JsonObject sent = new JsonObject(emulator.lastReceived("PATCH /api/v1/categories/{id}").body());
        assertEquals(Map.of("name", "Footwear"), Map.of("name", sent.getValue("name")));
        assertTrue(sent.containsKey("parent_id") && sent.getValue("parent_id") == null, "moved to the root: parent_id null is sent: " + sent);
        Await.result(shop.changeCategory(own, Map.of("external_id", "12", "parent_id", shoes)));
        List<ShopCategory> all = Await.result(shop.categories());
        assertTrue(all.contains(new ShopCategory(shoes, "11", "Footwear", null)), all.toString());
        assertTrue(all.contains(new ShopCategory(own, "12", "Hats", shoes)), all.toString());

        assertEquals(422, Await.failure(shop.changeCategory(shoes, Map.of("parent_id", own)), PermanentException.class).status(),
                "under its own child: a cycle");
        assertEquals(409, Await.failure(shop.changeCategory(clothes, Map.of("external_id", "11")), PermanentException.class).status());
        assertEquals(404, Await.failure(shop.changeCategory("999", Map.of("name", "x")), PermanentException.class).status());
    }

    /** A category change the shop answers without the change: not done. */
    @Test
    void aCategoryChangeAnswerThatDoesNotShowTheChange_isPermanent() {
        HttpServer shop = Await.result(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b ->
                req.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("id", 5).put("name", "Old").put("parent_id", null).put("external_id", "11").encode())))
                .listen(0, "127.0.0.1"));
        try {
            AccountConfig a = emulator.account("shop");
            ShopExpressCatalog catalog = ShopExpressCatalog.open(vertx, new AccountConfig(a.connector(), a.account(),
                    "http://127.0.0.1:" + shop.actualPort() + "/api/v1", a.secrets(), a.settings()));
            PermanentException e = Await.failure(catalog.changeCategory("5", Map.of("name", "New")), PermanentException.class);
            assertTrue(e.getMessage().contains("name = Old, not New") && e.getMessage().contains("contract does not hold"), e.getMessage());
        } finally {
            Await.result(shop.close());
        }
    }

    /** A shop that takes the product but not its variants: the create does not pass as done. */
    @Test
    void aProductCreateAnswerWithoutTheVariants_isPermanent_sayingTheContractDoesNotHold() {
        HttpServer shop = Await.result(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            JsonObject sent = b.toJsonObject();
            sent.remove("variants");
            req.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(sent.put("id", 9).encode());
        })).listen(0, "127.0.0.1"));
        try {
            AccountConfig cfg = new AccountConfig("shopexpress", "shop", "http://127.0.0.1:" + shop.actualPort() + "/api/v1",
                    Map.of("api_key", "k"), Map.of());
            ShopExpressCatalog catalog = ShopExpressCatalog.open(vertx, cfg);
            Map<String, Object> product = new HashMap<>(Map.of("external_id", "100", "name", "Shirt"));
            assertEquals("9", Await.result(catalog.create(product)));
            product.put("variants", List.of(new io.leadflow.connector.catalog.CatalogVariant("5000", "SH-M", null,
                    new java.math.BigDecimal("450"), java.math.BigDecimal.ONE).fields()));
            PermanentException e = Await.failure(catalog.create(product), PermanentException.class);
            assertTrue(e.crmMessage().contains("and its variants") && e.crmMessage().contains("unconfirmed API contract does not hold"),
                    e.crmMessage());
        } finally {
            Await.result(shop.close());
        }
    }

    /** A shop whose API is not what the adapter guessed: a created category without its parent must not pass as done. */
    @Test
    void aCreateAnswerWithoutTheParent_isPermanent_sayingTheContractDoesNotHold() {
        HttpServer shop = Await.result(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            JsonObject sent = b.toJsonObject();
            req.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("id", 7).put("name", sent.getValue("name")).put("external_id", sent.getValue("external_id")).encode());
        })).listen(0, "127.0.0.1"));
        try {
            AccountConfig cfg = new AccountConfig("shopexpress", "shop", "http://127.0.0.1:" + shop.actualPort() + "/api/v1",
                    Map.of("api_key", "k"), Map.of());
            ShopExpressCatalog catalog = ShopExpressCatalog.open(vertx, cfg);
            assertEquals("7", Await.result(catalog.createCategory(category("Root", null, "10"))));
            PermanentException e = Await.failure(catalog.createCategory(category("Child", "7", "11")), PermanentException.class);
            assertTrue(e.crmMessage().contains("parent_id = null, not 7") && e.crmMessage().contains("unconfirmed API contract does not hold"),
                    e.crmMessage());
        } finally {
            Await.result(shop.close());
        }
    }
}
