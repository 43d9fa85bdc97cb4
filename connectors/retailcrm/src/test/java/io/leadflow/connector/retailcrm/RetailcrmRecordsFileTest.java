package io.leadflow.connector.retailcrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.contract.Await;
import io.leadflow.connector.retailcrm.emulator.RetailcrmEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted emulator keeps its history feeds, so a pull cursor (a history id) stays valid. */
class RetailcrmRecordsFileTest {

    @Test
    void historyFeeds_surviveARestart_andTheirIdsContinue(@TempDir Path dir) {
        Vertx vertx = Vertx.vertx();
        try {
            Path file = dir.resolve("retailcrm.json");
            RetailcrmEmulator first = Await.result(new RetailcrmFactory().startEmulator(vertx, 0));
            Await.result(first.keepRecordsIn(file));
            first.data().putCustomer(new JsonObject().put("firstName", "Olena"));
            first.data().putOrder(new JsonObject().put("firstName", "Olena"));
            long lastOrderEntry = first.data().orderHistory().get(0).getLong("id");
            long lastCustomerEntry = first.data().customerHistory().get(0).getLong("id");
            Await.result(first.stop());

            RetailcrmEmulator second = Await.result(new RetailcrmFactory().startEmulator(vertx, 0));
            Await.result(second.keepRecordsIn(file));
            assertEquals(1, second.data().orderHistory().size());
            assertEquals(1, second.data().customerHistory().size());
            second.data().putOrder(new JsonObject().put("firstName", "Taras"));
            long next = second.data().orderHistory().get(1).getLong("id");
            assertTrue(next > Math.max(lastOrderEntry, lastCustomerEntry), "a new entry's id continues after the restored ones: " + next);
            Await.result(second.stop());
        } finally {
            Await.result(vertx.close());
        }
    }
}
