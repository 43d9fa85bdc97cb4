package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.runtime.account.AccountReport;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.reload.ReloadReport;
import io.leadflow.runtime.testkit.EdgeFixture;
import io.leadflow.runtime.testkit.MemoryJournal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin registry, /v1/flows with the last reload's diagnostics, health and metrics. */
class RegistryApiTest {
    static final String TOKEN = "tok_reg_0123456789abcdef0123456789ab";
    static final String ADMIN = "adm_reg_0123456789abcdef0123456789ab";
    static final ObjectMapper JSON = new ObjectMapper();
    static MemoryJournal journal = new MemoryJournal();
    static EdgeFixture edge;
    static String firstId;

    @BeforeAll
    static void start() throws Exception {
        edge = new EdgeFixture(journal, Map.of("source.site-form.token", TOKEN, "admin.token", ADMIN), Limits.DEFAULTS, Clock.systemUTC(), "site form");
        var r = edge.post("/v1/leads/site-form", "application/json", "{\"phone\":\"0671234567\"}", "Authorization", "Bearer " + TOKEN,
                "X-Shop", "horoshop");
        firstId = JSON.readTree(r.body()).get("id").asText();
    }

    @AfterAll
    static void stop() {
        edge.close();
    }

    static JsonNode admin(String path) throws Exception {
        HttpResponse<String> r = edge.get(path, "Authorization", "Bearer " + ADMIN);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> adminPost(String path) throws Exception {
        return edge.send(HttpRequest.newBuilder(edge.uri(path)).header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void leadDetail_showsRawBodyAndScrubbedHeaders() throws Exception {
        JsonNode d = admin("/v1/leads/" + firstId);
        assertEquals("{\"phone\":\"0671234567\"}", d.get("body").asText());
        assertEquals("0671234567", d.get("bodyJson").get("phone").asText());
        assertEquals("horoshop", d.get("headers").get("x-shop").asText());
        assertFalse(d.get("headers").has("authorization"));
        assertEquals(404, edge.get("/v1/leads/L999", "Authorization", "Bearer " + ADMIN).statusCode());
    }

    @Test
    void list_filtersAndRefusesBadParameters() throws Exception {
        assertTrue(admin("/v1/leads?flow=site-form&limit=10").get("leads").size() >= 1);
        assertEquals(0, admin("/v1/leads?flow=other").get("leads").size());
        assertEquals(400, edge.get("/v1/leads?status=lost", "Authorization", "Bearer " + ADMIN).statusCode());
        assertEquals(400, edge.get("/v1/leads?since=yesterday", "Authorization", "Bearer " + ADMIN).statusCode());
        assertEquals(400, edge.get("/v1/leads?limit=0", "Authorization", "Bearer " + ADMIN).statusCode());
    }

    @Test
    void replay_currentIsAcceptedOriginalNeedsItsVersionLoaded() throws Exception {
        assertEquals(202, adminPost("/v1/leads/" + firstId + "/replay?version=current").statusCode());
        assertTrue(journal.replays.contains(firstId + ":CURRENT"));
        var original = adminPost("/v1/leads/" + firstId + "/replay?version=original");
        assertEquals(409, original.statusCode(), "the memory journal's rule version h1 is not loaded");
        assertEquals("version_not_loaded", JSON.readTree(original.body()).get("error").asText());
        assertEquals(400, adminPost("/v1/leads/" + firstId + "/replay?version=newest").statusCode());
        assertEquals(404, adminPost("/v1/leads/L999/replay").statusCode());
    }

    @Test
    void flows_showTheLastReloadsDiagnostics() throws Exception {
        edge.reload.set(new ReloadReport(Instant.now(), false, "hash1", List.of("rules/a.flow"),
                List.of(new Diagnostic(Diagnostic.Severity.ERROR, io.leadflow.dsl.DiagnosticCode.LF201, "unknown field", new SourceSpan("rules/a.flow", 3, 5, 3, 9))), "rendered"));
        JsonNode f = admin("/v1/flows");
        assertEquals("hash1", f.get("ruleVersion").asText());
        assertEquals("site-form", f.get("flows").get(0).get("slug").asText());
        assertFalse(f.get("lastReload").get("ok").asBoolean());
        assertEquals("LF201", f.get("lastReload").get("diagnostics").get(0).get("code").asText());
        assertEquals("rules/a.flow:3:5", f.get("lastReload").get("diagnostics").get(0).get("at").asText());
    }

    @Test
    void flows_showTheAccountChecks_warningsAndNotChecked() throws Exception {
        edge.accountChecks.set(List.of(
                new AccountReport("keepincrm", "main", true, "checked", List.of("deal_cf_1077: no such field")),
                new AccountReport("keycrm", "main", false, "not checked: CRM is down", List.of())));
        JsonNode checks = admin("/v1/flows").get("accountChecks");
        assertEquals("deal_cf_1077: no such field", checks.get(0).get("warnings").get(0).asText());
        assertEquals("not checked: CRM is down", checks.get(1).get("status").asText());
        assertFalse(checks.get(1).get("checked").asBoolean());
    }

    @Test
    void healthAndMetrics_needNoTokenAndReportState() throws Exception {
        var h = edge.get("/health");
        assertEquals(200, h.statusCode(), h.body());
        assertTrue(JSON.readTree(h.body()).get("checks").get("store").asBoolean());
        var m = edge.get("/metrics");
        assertEquals(200, m.statusCode());
        assertTrue(m.body().contains("leadflow_leads_accepted_total{duplicate=\"false\",flow=\"site form\"}"), m.body());
        assertTrue(m.body().contains("leadflow_intake_latency_seconds"), m.body());
        assertEquals(302, edge.get("/").statusCode(), "the console needs a session: GET / sends to the sign-in page");
    }
}
