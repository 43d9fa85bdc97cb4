package io.leadflow.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 defect 3 in {@code serve examples/horoshop-keepincrm --sandbox}: Horoshop sends the same
 * order twice with no Idempotency-Key (a plain retry). The flow deduplicates by the order's own
 * event id ({@code order_id}, the Horoshop source's default): the retry is answered 200 as a
 * duplicate, KeepinCRM gets one contact and one deal, and the registry shows the retry as a
 * duplicate linked to the first lead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SenderRetrySandboxTest {
    private static final String TOKEN = "lf_test_horoshop_0123456789abcdef0123456789";
    private static final String ADMIN = "lf_test_admin_0123456789abcdef0123456789ab";
    @TempDir
    static Path data;
    private SandboxRun run;

    @BeforeAll
    void start() throws Exception {
        run = SandboxRun.start(Path.of("horoshop-keepincrm"), data, Map.of("source.horoshop-orders.token", TOKEN, "admin.token", ADMIN));
    }

    @AfterAll
    void stop() {
        run.close();
    }

    private JsonNode registry(String query) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(run.base() + "/v1/leads?" + query))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return SandboxRun.JSON.readTree(r.body());
    }

    @Test
    void aPlainRetryOfAHoroshopOrder_isOneLeadAndOneDeal_andTheRetryIsShownAsItsDuplicate() throws Exception {
        String order = "{\"order_id\": 5501, \"delivery_name\": \"Ірина Мельник\", \"delivery_phone\": \"+38 (067) 555-01-01\","
                + " \"delivery_email\": \"iryna@example.com\", \"total_sum\": 1200, \"stat_status\": 1}";
        HttpResponse<String> first = run.post(run.base() + "/v1/leads/horoshop-orders", order, "Authorization", "Bearer " + TOKEN);
        assertEquals(202, first.statusCode(), first.body());
        HttpResponse<String> retry = run.post(run.base() + "/v1/leads/horoshop-orders", order, "Authorization", "Bearer " + TOKEN);
        assertEquals(200, retry.statusCode(), retry.body());
        JsonNode answer = SandboxRun.JSON.readTree(retry.body());
        String firstId = SandboxRun.JSON.readTree(first.body()).path("id").asText();
        assertTrue(answer.path("duplicate").asBoolean(), retry.body());
        assertEquals(firstId, answer.path("id").asText());

        String flow = "flow=" + URLEncoder.encode("horoshop orders", StandardCharsets.UTF_8);
        JsonNode leads = null;
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            leads = registry(flow).path("leads");
            JsonNode f = SandboxRun.find(leads, "id", firstId);
            if (f != null && f.path("status").asText().equals("done")) break;
            Thread.sleep(50);
        }
        JsonNode dup = SandboxRun.find(leads, "status", "duplicate");
        assertTrue(dup != null, "no duplicate row in " + leads);
        assertEquals(firstId, dup.path("duplicateOf").asText(), leads.toString());
        assertEquals("done", SandboxRun.find(leads, "id", firstId).path("status").asText(), leads.toString());
        long rows = 0;
        for (JsonNode l : leads) if (firstId.equals(l.path("id").asText()) || firstId.equals(l.path("duplicateOf").asText())) rows++;
        assertEquals(2, rows, leads.toString());

        JsonNode crm = run.get(run.emulator("keepincrm") + "/__emulator/state").path("records");
        long deals = 0;
        for (JsonNode a : crm.path("agreements")) if (a.toString().contains("5501")) deals++;
        assertEquals(1, deals, crm.toString());
        long contacts = 0;
        for (JsonNode c : crm.path("clients")) if (c.toString().contains("iryna@example.com")) contacts++;
        assertEquals(1, contacts, crm.toString());
    }

    /** The retry of a repeat buyer's order (issue 9 defect 3's "extra Repeat order task"): one task, not two. */
    @Test
    void aPlainRetryOfARepeatBuyersOrder_isOneTask() throws Exception {
        String crm = run.emulator("keepincrm");
        JsonNode ids = run.seed(crm, "{\"contacts\":[{\"ref\":\"c\",\"name\":\"Олена\",\"phone\":\"+380675550909\",\"manager\":\"101\"}],"
                + "\"deals\":[{\"ref\":\"d\",\"contact\":\"c\",\"title\":\"Order 1\",\"group\":\"open\",\"manager\":\"102\"}]}");
        String order = "{\"order_id\": 5502, \"delivery_name\": \"Олена\", \"delivery_phone\": \"067 555 09 09\", \"total_sum\": 300, \"stat_status\": 1}";
        String first = run.lead("horoshop-orders", TOKEN, order);
        HttpResponse<String> retry = run.post(run.base() + "/v1/leads/horoshop-orders", order, "Authorization", "Bearer " + TOKEN);
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals("done", run.finished(first).path("status").asText());
        assertEquals(first, SandboxRun.JSON.readTree(retry.body()).path("id").asText(), retry.body());
        assertEquals("duplicate", run.registryLead(duplicateOf(first)).path("status").asText());
        long tasks = 0;
        for (JsonNode t : run.records(crm).path("tasks")) if (t.path("agreement_id").asLong() == ids.path("deals").path("d").asLong()) tasks++;
        assertEquals(1, tasks, run.records(crm).toString());
    }

    /** The registry id of the duplicate row recorded for {@code firstId}. */
    private String duplicateOf(String firstId) throws Exception {
        JsonNode leads = registry("flow=" + URLEncoder.encode("horoshop orders", StandardCharsets.UTF_8)).path("leads");
        for (JsonNode l : leads) if (firstId.equals(l.path("duplicateOf").asText())) return l.path("id").asText();
        throw new AssertionError("no duplicate of " + firstId + " in " + leads);
    }
}
