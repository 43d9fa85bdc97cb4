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
 * Seed 002's reverse feed end to end in {@code serve examples/calltouch-retailcrm --sandbox}: RetailCRM
 * order history entries (posted to the flow's intake until the change feed polls) become deals in
 * the Calltouch emulator, linked to the customer's call inside twelve months, "lead not found"
 * outside them, and a status change updates the deal without re-linking it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalltouchDealsSandboxTest {
    private static final String TOKEN = "lf_test_deals_0123456789abcdef0123456789a";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime NOW = LocalDateTime.now(ZoneOffset.UTC).withNano(0).minusHours(1);
    @TempDir
    static Path data;
    private SandboxRun run;

    @BeforeAll
    void start() throws Exception {
        run = SandboxRun.start(Path.of("calltouch-retailcrm"), data, Map.of("source.retailcrm-orders-to-calltouch-deals.token", TOKEN));
    }

    @AfterAll
    void stop() {
        run.close();
    }

    private void entry(String json) throws Exception {
        assertEquals(202, run.post(run.base() + "/v1/leads/retailcrm-orders-to-calltouch-deals", json, "X-Leadflow-Token", TOKEN).statusCode());
    }

    private static String created(long historyId, long orderId, String phone) {
        return "{\"id\":" + historyId + ",\"created\":true,\"createdAt\":\"" + TIME.format(NOW) + "\",\"order\":{\"id\":" + orderId
                + ",\"number\":\"" + orderId + "A\",\"site\":\"shop1\",\"status\":\"new\",\"totalSumm\":1500,\"managerId\":12,"
                + "\"createdAt\":\"" + TIME.format(NOW) + "\",\"phone\":\"" + phone + "\"}}";
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
        entry(created(901, 7146, "8 (915) 777-11-22"));
        JsonNode d = deal("7146", x -> true, "the Calltouch deal of order 7146");
        assertEquals("call", d.path("lead").path("type").asText());
        assertEquals(callId, d.path("lead").path("id").asLong());
        assertEquals("7146A", d.path("orderName").asText());
        assertEquals("shop1", d.path("funnel").asText());
        assertEquals("1500.00", d.path("revenue").asText());
        assertEquals("Ivan Petrov", d.path("manager").asText());

        entry("{\"id\":905,\"field\":\"status\",\"createdAt\":\"" + TIME.format(NOW.plusMinutes(30)) + "\",\"oldValue\":{\"code\":\"new\"},"
                + "\"newValue\":{\"code\":\"complete\"},\"order\":{\"id\":7146,\"site\":\"shop1\"}}");
        d = deal("7146", x -> "complete".equals(x.path("status").asText()), "the deal's status becoming complete");
        assertEquals(callId, d.path("lead").path("id").asLong(), "linked once");
        assertEquals(0, d.path("rematched").asInt());
        assertEquals(1, d.path("updates").asInt());
    }

    @Test
    void anOrderWhoseOnlyCallIsOlderThanTwelveMonths_isLeadNotFound() throws Exception {
        run.post(run.emulator("calltouch") + "/__emulator/seed",
                "{\"calls\":[{\"ref\":\"old\",\"callerNumber\":\"79031112233\",\"date\":\"" + TIME.format(NOW.minusMonths(13)) + "\"}]}");
        entry(created(902, 7200, "+7 903 111-22-33"));
        JsonNode d = deal("7200", x -> true, "the Calltouch deal of order 7200");
        assertTrue(d.path("lead").isNull() || d.path("lead").isMissingNode(), d.toString());
        assertEquals("lead not found", d.path("addTags").get(0).path("tag").asText());
    }
}
