package io.leadflow.connector.horoshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.SystemCapability;
import io.leadflow.connector.emulator.EmulatorMode;
import io.leadflow.connector.horoshop.emulator.HoroshopEmulator;
import io.leadflow.connector.source.PullBatch;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HoroshopConnector.pull against the emulator (its window/offset/limit reading is the emulator's,
 * from crm-apis §6): every order read exactly once in pages, in both modes (to inclusive /
 * exclusive), a token expiring mid-backfill renewed without losing a page, registrations through
 * users/export, EMPTY as "nothing new", a page shorter than the limit not taken for the end.
 */
class HoroshopPullTest extends EmulatorTestBase<HoroshopEmulator> {

    @Override
    protected Future<HoroshopEmulator> startEmulator(Vertx vertx) {
        return new HoroshopFactory().startEmulator(vertx, 0);
    }

    private CrmConnector connector(String feed) {
        return connector(feed, 7);
    }

    private CrmConnector connector(String feed, int pageLimit) {
        AccountConfig a = emulator.account("shop");
        Map<String, String> s = new HashMap<>(a.settings());
        s.put("rate_limit", "1000/1s");
        s.put("feed", feed);
        s.put("page_limit", String.valueOf(pageLimit));
        s.put("since", "2026-11-01");
        return new HoroshopFactory().create(vertx, new AccountConfig(a.connector(), a.account(), a.baseUrl(), a.secrets(), s));
    }

    private void orders(int n) {
        for (int i = 0; i < n; i++) {
            // three orders per second: boundary seconds are shared by several orders
            String at = String.format("2026-11-02 10:%02d:%02d", (i / 3) / 60, (i / 3) % 60);
            emulator.data().putOrder(new JsonObject().put("order_id", 1000 + i).put("stat_created", at).put("stat_status", 1 + i % 2)
                    .put("delivery_phone", "+38 (050) 123-45-" + String.format("%02d", i % 100)));
        }
    }

    /** Pulls until the feed says it has nothing more now; answers the order ids in the order read. */
    private static List<String> drain(CrmConnector c, String idField, Runnable betweenPages) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 200; guard++) {
            PullBatch b = Await.result(c.pull(cursor));
            b.records().forEach(r -> ids.add(r.get(idField).asText()));
            cursor = b.cursor();
            betweenPages.run();
            if (!b.more()) {
                PullBatch again = Await.result(c.pull(cursor));
                if (again.records().isEmpty() && !again.more()) return ids;
                again.records().forEach(r -> ids.add(r.get(idField).asText()));
                cursor = again.cursor();
            }
        }
        throw new AssertionError("the feed never ran dry");
    }

    @ParameterizedTest
    @EnumSource(value = EmulatorMode.class, names = {"OPTIMISTIC", "PESSIMISTIC"})
    void everyOrderReadOnce_inPagesOfTheLimit(EmulatorMode mode) {
        emulator.mode(mode);
        orders(40);
        CrmConnector c = connector("orders");
        assertTrue(c.capabilities().contains(SystemCapability.PULL));
        List<String> ids = drain(c, "order_id", () -> { });
        assertEquals(40, ids.size(), ids.toString());
        assertEquals(40, ids.stream().distinct().count());
        JsonObject page = new JsonObject(emulator.lastReceived("POST /api/orders/get/").body());
        assertEquals(7, page.getInteger("limit"));
        assertEquals(32, page.getString("token").length());
        assertFalse(page.containsKey("status"), "status is filtered after reading, never sent");
    }

    @Test
    void aTokenExpiringMidBackfill_isRenewed_withoutLosingAPage() {
        orders(40);
        CrmConnector c = connector("orders");
        int[] pages = {0};
        List<String> ids = drain(c, "order_id", () -> {
            if (++pages[0] % 2 == 0) emulator.expireTokens();
        });
        assertEquals(40, ids.size(), ids.toString());
        assertEquals(40, ids.stream().distinct().count());
        assertTrue(emulator.counters().get("POST /api/auth/") >= 3, "logged in again after each expiry: " + emulator.counters());
    }

    @Test
    void registrations_comeFromUsersExport() {
        for (int i = 0; i < 10; i++) {
            emulator.data().putUser(new JsonObject().put("id", 50 + i).put("email", "u" + i + "@example.com")
                    .put("registered", "2026-11-03 08:00:0" + i));
        }
        List<String> ids = drain(connector("registrations"), "id", () -> { });
        assertEquals(10, ids.size());
        assertEquals("50", ids.get(0));
        assertTrue(emulator.counters().get("POST /api/users/export/") >= 2);
    }

    @Test
    void aShopThatAnswersShorterPagesThanAsked_losesNothing() {
        // the emulator caps a page at 500 rows (no maximum is documented): asked for 1000, it answers 500, then 100
        orders(600);
        List<String> ids = drain(connector("orders", 1000), "order_id", () -> { });
        assertEquals(600, ids.size());
        assertEquals(600, ids.stream().distinct().count());
    }

    @Test
    void anEmptyShop_isNothingNew() {
        PullBatch b = Await.result(connector("orders").pull(null));
        assertTrue(b.records().isEmpty());
        assertFalse(b.more());
    }
}
