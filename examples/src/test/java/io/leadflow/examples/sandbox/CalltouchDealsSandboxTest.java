package io.leadflow.examples.sandbox;

import static io.leadflow.examples.sandbox.SandboxRun.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's reverse feed end to end in {@code serve examples/calltouch-retailcrm --sandbox}: orders
 * made and edited through the RetailCRM emulator's API reach the flow through RetailCRM's change
 * feed ({@code orders/history}, polled), and become deals in the Calltouch emulator, linked to the
 * customer's call inside twelve months, "lead not found" outside them; a status change updates the
 * deal without re-linking it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalltouchDealsSandboxTest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime NOW = LocalDateTime.now(ZoneOffset.UTC).withNano(0).minusHours(1);
    @TempDir
    static Path data;
    private SandboxRun run;

    @BeforeAll
    void start() throws Exception {
        run = SandboxRun.start(Path.of("calltouch-retailcrm"), data, Map.of());
    }

    @AfterAll
    void stop() {
        run.close();
    }

    private JsonNode retailcrm(String path, String entity, String json) throws Exception {
        return run.retailcrm(path, entity, json);
    }

    private long order(String phone) throws Exception {
        return retailcrm("orders/create", "order", "{\"firstName\":\"Ivan\",\"phone\":\"" + phone + "\",\"managerId\":102,"
                + "\"items\":[{\"productName\":\"Kettle\",\"quantity\":1,\"initialPrice\":1500}]}").path("id").asLong();
    }

    private JsonNode deal(String orderNumber, java.util.function.Predicate<JsonNode> until, String what) throws Exception {
        JsonNode s = run.await(run.emulator("calltouch") + "/__emulator/state", st -> {
            JsonNode d = find(st.path("records").path("deals"), "orderNumber", orderNumber);
            return d != null && until.test(d);
        }, what);
        return find(s.path("records").path("deals"), "orderNumber", orderNumber);
    }

    @Test
    void anOrderInsideTheWindow_isLinkedToTheCall_andAStatusChangeUpdatesItWithoutRelinking() throws Exception {
        JsonNode seeded = SandboxRun.JSON.readTree(run.post(run.emulator("calltouch") + "/__emulator/seed",
                "{\"calls\":[{\"ref\":\"c\",\"callerNumber\":\"79157771122\",\"date\":\"" + TIME.format(NOW.minusMonths(3)) + "\"}]}").body());
        long callId = seeded.path("calls").path("c").asLong();
        String id = String.valueOf(order("8 (915) 777-11-22"));
        JsonNode d = deal(id, x -> true, "the Calltouch deal of RetailCRM order " + id);
        assertEquals("call", d.path("lead").path("type").asText(), d.toString());
        assertEquals(callId, d.path("lead").path("id").asLong());
        assertEquals(id + "A", d.path("orderName").asText());
        assertEquals("shop1", d.path("funnel").asText());
        assertEquals("new", d.path("status").asText());
        assertEquals("1500.00", d.path("revenue").asText());
        assertEquals("Ivan Petrov", d.path("manager").asText());

        retailcrm("orders/" + id + "/edit", "order", "{\"status\":\"complete\"}");
        d = deal(id, x -> "complete".equals(x.path("status").asText()), "the deal's status becoming complete");
        assertEquals(callId, d.path("lead").path("id").asLong(), "linked once");
        assertEquals(0, d.path("rematched").asInt());
        assertEquals(1, d.path("updates").asInt());
    }

    @Test
    void anOrderWhoseOnlyCallIsOlderThanTwelveMonths_isLeadNotFound() throws Exception {
        run.post(run.emulator("calltouch") + "/__emulator/seed",
                "{\"calls\":[{\"ref\":\"old\",\"callerNumber\":\"79031112233\",\"date\":\"" + TIME.format(NOW.minusMonths(13)) + "\"}]}");
        String id = String.valueOf(order("+7 903 111-22-33"));
        JsonNode d = deal(id, x -> true, "the Calltouch deal of RetailCRM order " + id);
        assertTrue(d.path("lead").isNull() || d.path("lead").isMissingNode(), d.toString());
        assertEquals("lead not found", d.path("addTags").get(0).path("tag").asText());
    }
}
