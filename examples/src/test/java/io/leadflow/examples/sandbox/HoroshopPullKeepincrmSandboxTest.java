package io.leadflow.examples.sandbox;

import static io.leadflow.examples.sandbox.SandboxRun.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000 read, not pushed, end to end in {@code serve examples/horoshop-pull-keepincrm --sandbox}
 * (issue 10's "Horoshop orders and registrations can be read"): the Horoshop emulator is filled
 * through its seed route and the runtime reads it with the emulator's API user. A new buyer's
 * order becomes a KeepinCRM client and agreement (UTM marks, product line), a repeat buyer with an
 * open deal a task for that deal's manager (no new deal), a registration a client and agreement.
 * Restarted on the same data folder, the shop still holds its orders (its emulator's records are
 * kept there) and an order made after the restart is read while none read before is read again.
 * The flows are run with {@code poll: "1s"} (the example says 10 s).
 */
class HoroshopPullKeepincrmSandboxTest {
    @TempDir
    Path data;
    @TempDir
    Path copies;

    private static String shopNow() {
        return LocalDateTime.now(ZoneId.of("Europe/Kyiv")).withNano(0).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    private static int count(JsonNode array, String text) {
        int n = 0;
        for (JsonNode x : array) if (x.toString().contains(text)) n++;
        return n;
    }

    @Test
    void ordersAndRegistrations_areReadFromTheShop_intoKeepincrm_andARestartReadsNothingTwice() throws Exception {
        Path example = SandboxRun.copy(Path.of("horoshop-pull-keepincrm"), copies,
                "orders.flow", "poll: \"10s\"", "poll: \"1s\"", "registrations.flow", "poll: \"10s\"", "poll: \"1s\"");
        SandboxRun run = SandboxRun.start(example, data, Map.of());
        String crm;
        try {
            crm = run.emulator("keepincrm");
            run.seed(crm, "{\"contacts\":[{\"ref\":\"c\",\"name\":\"Known buyer\",\"phone\":\"+380509998877\",\"manager\":\"102\"}],"
                    + "\"deals\":[{\"ref\":\"d\",\"contact\":\"c\",\"title\":\"Earlier order\",\"group\":\"open\",\"manager\":\"102\"}]}");
            String at = shopNow();
            run.seed(run.emulator("horoshop"), "{\"orders\":["
                    + "{\"order_id\":1207,\"stat_status\":1,\"stat_created\":\"" + at + "\",\"delivery_name\":\"Olena\","
                    + "\"delivery_phone\":\"067 123 45 67\",\"total_sum\":540,\"analytics\":{\"utm_source\":\"google\",\"utm_medium\":\"cpc\"},"
                    + "\"products\":[{\"article\":\"TSH-42\",\"title\":\"T-shirt\",\"price\":\"270\",\"quantity\":2}]},"
                    + "{\"order_id\":1208,\"stat_status\":1,\"stat_created\":\"" + at + "\",\"delivery_name\":\"Known buyer\","
                    + "\"delivery_phone\":\"050 999 88 77\",\"total_sum\":99}],"
                    + "\"users\":[{\"id\":51,\"title\":\"Ivan\",\"email\":\"ivan@example.com\",\"phone\":\"+380501112233\",\"registered\":\"" + at + "\"}]}");
            JsonNode records = run.await(crm + "/__emulator/state", s -> s.path("records").path("agreements").size() == 3
                    && s.path("records").path("tasks").size() == 1, "two agreements and a task in KeepinCRM").path("records");
            assertEquals(3, records.path("clients").size(), records.toString());
            JsonNode order = null;
            for (JsonNode a : records.path("agreements")) if (a.toString().contains("Order 1207 from Olena")) order = a;
            assertNotNull(order, records.toString());
            assertTrue(order.toString().contains("google") && order.toString().contains("cpc"), "the UTM marks: " + order);
            assertTrue(order.toString().contains("TSH-42"), "the product line: " + order);
            assertEquals(1, count(records.path("agreements"), "Registration on the site: Ivan"), records.toString());
            assertEquals(0, count(records.path("agreements"), "1208"), "no new deal for the repeat buyer: " + records);
            JsonNode task = records.path("tasks").get(0);
            assertTrue(task.toString().contains("Repeat order 1208"), task.toString());
            assertEquals(102, task.path("main_responsible_id").asInt(), "the open deal's manager: " + task);
        } finally {
            run.close();
        }

        SandboxRun again = SandboxRun.start(example, data, Map.of());
        try {
            String shop = again.emulator("horoshop");
            JsonNode kept = again.records(shop);
            assertNotNull(find(kept.path("orders"), "order_id", "1207"), "the shop's orders are kept across the restart: " + kept);
            again.seed(shop, "{\"orders\":[{\"order_id\":1209,\"stat_status\":1,\"stat_created\":\"" + shopNow() + "\","
                    + "\"delivery_name\":\"Taras\",\"delivery_phone\":\"063 555 44 33\"}]}");
            JsonNode after = again.await(again.emulator("keepincrm") + "/__emulator/state",
                    s -> count(s.path("records").path("agreements"), "Order 1209") == 1, "the order made after the restart").path("records");
            assertEquals(4, after.path("agreements").size(), "nothing read before the restart is read again: " + after);
            assertEquals(1, after.path("tasks").size(), after.toString());
            assertEquals(4, after.path("clients").size(), after.toString());
        } finally {
            again.close();
        }
    }
}
