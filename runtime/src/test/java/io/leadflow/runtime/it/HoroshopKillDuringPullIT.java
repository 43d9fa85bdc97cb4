package io.leadflow.runtime.it;

import io.leadflow.connector.horoshop.HoroshopFactory;
import io.leadflow.connector.horoshop.emulator.HoroshopEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@link KillDuringPullContract} for Horoshop orders/get read by time window with offset/limit
 * paging (50 orders a page; 100 from 2,000 orders up), the orders spread over the last hours with
 * several per second (boundary seconds shared), the token expired by the emulator every 3 s
 * (renewed without losing a page).
 */
class HoroshopKillDuringPullIT extends KillDuringPullContract {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private HoroshopEmulator emulator;
    private int pageLimit;

    @Override
    protected Set<String> fill(Vertx vertx, int n) throws Exception {
        emulator = new HoroshopFactory().startEmulator(vertx, 0).await();
        pageLimit = n >= 2000 ? 100 : 50;
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Kyiv")).withNano(0).minusSeconds(n);
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            long id = 100_000 + i;
            emulator.data().putOrder(new JsonObject().put("order_id", id).put("stat_status", 1 + i % 4)
                    .put("stat_created", start.plusSeconds(i / 3).format(TIME)).put("delivery_name", "Buyer " + i));
            ids.add(String.valueOf(id));
        }
        emulator.faults().apply(new JsonObject().put("delayMs", 80));
        vertx.setPeriodic(3000, t -> emulator.expireTokens());
        return ids;
    }

    @Override
    protected String flow() {
        return pulledFlow("horoshop.orders(account: \"shop\", poll: \"1s\")", "lead.delivery_name");
    }

    @Override
    protected String account() {
        return "crm.horoshop.shop.base_url=http://127.0.0.1:" + emulator.port() + "\n"
                + "crm.horoshop.shop.api_key=" + HoroshopEmulator.TEST_KEY + "\n"
                + "crm.horoshop.shop.setting.login=" + HoroshopEmulator.LOGIN + "\n"
                + "crm.horoshop.shop.setting.settle_seconds=0\n"
                + "crm.horoshop.shop.setting.rate_limit=100/60s\n"
                + "crm.horoshop.shop.setting.page_limit=" + pageLimit + "\n";
    }

    @Override
    protected String name() {
        return "Horoshop orders/get";
    }
}
