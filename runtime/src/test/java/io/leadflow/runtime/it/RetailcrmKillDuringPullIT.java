package io.leadflow.runtime.it;

import io.leadflow.connector.retailcrm.RetailcrmFactory;
import io.leadflow.connector.retailcrm.emulator.RetailcrmEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link KillDuringPullContract} for a RetailCRM orders/history feed (20 entries a page). */
class RetailcrmKillDuringPullIT extends KillDuringPullContract {
    private RetailcrmEmulator emulator;

    @Override
    protected Set<String> fill(Vertx vertx, int n) throws Exception {
        emulator = new RetailcrmFactory().startEmulator(vertx, 0).await();
        for (int i = 0; i < n; i++) {
            emulator.data().putOrder(new JsonObject().put("site", "shop1").put("status", "new").put("firstName", "Buyer " + i));
        }
        emulator.faults().apply(new JsonObject().put("delayMs", 80));
        return emulator.data().orderHistory().stream().map(e -> String.valueOf(e.getValue("id"))).collect(Collectors.toSet());
    }

    @Override
    protected String flow() {
        return pulledFlow("retailcrm.orders_history(account: \"shop\", poll: \"1s\")", "lead.order.firstName");
    }

    @Override
    protected String account() {
        return "crm.retailcrm.shop.base_url=http://127.0.0.1:" + emulator.port() + "\n"
                + "crm.retailcrm.shop.api_key=" + RetailcrmEmulator.TEST_KEY + "\n"
                + "crm.retailcrm.shop.setting.page_limit=20\n";
    }

    @Override
    protected String name() {
        return "RetailCRM orders/history";
    }
}
