package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.security.WebhookVerifier;
import io.leadflow.runtime.testkit.EdgeFixture;
import io.leadflow.runtime.testkit.MemoryJournal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * T9 (RELIABILITY.md sections 5 and 7), the intake probes over real HTTP: missing or bad token,
 * the 6-case signature vector, replay within the window, 257 KiB body, JSON depth 65, a 70 KB
 * string and a 10,000-digit number, admin separation, the per-source rate. The log probe
 * (0 secret or raw-PII hits) is {@link IntakeLogMaskingTest}; SSRF, ReDoS and rule budgets
 * belong to the compiler and executor.
 */
class T9IntakeSecurityTest {
    static final String TOKEN = "tok_site_0123456789abcdef0123456789";
    static final String ADMIN = "adm_0123456789abcdef0123456789abcd";
    static final String OLD = "whsec_" + java.util.Base64.getEncoder().encodeToString("old-secret-32-bytes-long-xxxxxxx".getBytes(StandardCharsets.UTF_8));
    static final String NEW = "whsec_" + java.util.Base64.getEncoder().encodeToString("new-secret-32-bytes-long-yyyyyyy".getBytes(StandardCharsets.UTF_8));
    static final ObjectMapper JSON = new ObjectMapper();
    static MemoryJournal journal = new MemoryJournal();
    static EdgeFixture edge;

    @BeforeAll
    static void start() throws Exception {
        edge = new EdgeFixture(journal, Map.of("source.site-form.token", TOKEN, "source.shop.hmac", OLD + "," + NEW,
                "source.slow.token", TOKEN, "source.slow.rate", "1", "admin.token", ADMIN),
                Limits.DEFAULTS, Clock.systemUTC(), "site form", "shop", "slow");
    }

    @AfterAll
    static void stop() {
        edge.close();
    }

    static HttpResponse<String> signed(String id, long ts, String body, String signature) throws Exception {
        return edge.post("/v1/leads/shop", "application/json", body, "webhook-id", id, "webhook-timestamp", Long.toString(ts),
                "webhook-signature", signature);
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String code(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("error").asText();
    }

    @Test
    void token_missingOrWrongIs401AndNothingStored() throws Exception {
        int before = journal.count();
        var missing = edge.post("/v1/leads/site-form", "application/json", "{}");
        var wrong = edge.post("/v1/leads/site-form", "application/json", "{}", "Authorization", "Bearer tok_wrong_0123456789abcdef01234567");
        assertEquals(401, missing.statusCode());
        assertEquals("token_missing", code(missing));
        assertEquals(401, wrong.statusCode());
        assertEquals("token_invalid", code(wrong));
        assertEquals(before, journal.count());
    }

    @Test
    void token_inBearerOrCustomHeaderIsAccepted() throws Exception {
        assertEquals(202, edge.post("/v1/leads/site-form", "application/json", "{\"a\":1}", "Authorization", "Bearer " + TOKEN).statusCode());
        assertEquals(202, edge.post("/v1/leads/site-form", "application/json", "{\"a\":2}", "X-Leadflow-Token", TOKEN).statusCode());
    }

    /** A sender that can only be given a URL (a KeyCRM trigger webhook) puts the token in it. */
    @Test
    void token_inTheUrlIsAccepted_andAWrongOneRefused() throws Exception {
        int before = journal.count();
        assertEquals(202, edge.post("/v1/leads/site-form?token=" + TOKEN, "application/json", "{\"a\":3}").statusCode());
        var wrong = edge.post("/v1/leads/site-form?token=tok_wrong_0123456789abcdef01234567", "application/json", "{\"a\":4}");
        assertEquals(401, wrong.statusCode());
        assertEquals("token_invalid", code(wrong));
        assertEquals(before + 1, journal.count());
    }

    @Test
    void signature_sixCaseVector() throws Exception {
        String body = "{\"order\":1}";
        long ts = now();
        // 1 valid (signed with the new secret)
        assertEquals(202, signed("evt_1", ts, body, WebhookVerifier.sign(NEW, "evt_1", ts, body.getBytes(StandardCharsets.UTF_8))).statusCode());
        // 2 one of many valid: a bogus signature and one by the old secret
        String many = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + WebhookVerifier.sign(OLD, "evt_2", ts, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, signed("evt_2", ts, body, many).statusCode());
        int before = journal.count();
        // 3 tampered body
        var tampered = signed("evt_3", ts, "{\"order\":2}", WebhookVerifier.sign(NEW, "evt_3", ts, body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, tampered.statusCode());
        assertEquals("signature_invalid", code(tampered));
        // 4 wrong secret
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString("someone-else-secret-32-bytes-zzz".getBytes(StandardCharsets.UTF_8));
        var wrong = signed("evt_4", ts, body, WebhookVerifier.sign(other, "evt_4", ts, body.getBytes(StandardCharsets.UTF_8)));
        assertEquals("signature_invalid", code(wrong));
        // 5 stale timestamp (valid signature, 301 s old)
        var stale = signed("evt_5", ts - 301, body, WebhookVerifier.sign(NEW, "evt_5", ts - 301, body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, stale.statusCode());
        assertEquals("signature_stale", code(stale));
        // 6 missing headers
        var missing = edge.post("/v1/leads/shop", "application/json", body);
        assertEquals(401, missing.statusCode());
        assertEquals("signature_headers_missing", code(missing));
        assertEquals(before, journal.count(), "no refused request stored anything");
    }

    @Test
    void signedReplayWithinWindow_givesSameIdAndNoSecondLead() throws Exception {
        String body = "{\"order\":77}";
        long ts = now();
        String sig = WebhookVerifier.sign(NEW, "evt_77", ts, body.getBytes(StandardCharsets.UTF_8));
        var first = signed("evt_77", ts, body, sig);
        int after = journal.count();
        var again = signed("evt_77", ts, body, sig);
        assertEquals(202, first.statusCode());
        assertEquals(200, again.statusCode());
        assertEquals(JSON.readTree(first.body()).get("id"), JSON.readTree(again.body()).get("id"));
        assertEquals(after, journal.count());
        assertEquals("evt_77", journal.stored.get(after - 1).sourceEventId());
    }

    @Test
    void adminApi_refusesSourceTokenAndTakesAdminToken() throws Exception {
        var withSource = edge.get("/v1/leads", "Authorization", "Bearer " + TOKEN);
        assertEquals(401, withSource.statusCode());
        assertEquals("admin_token_invalid", code(withSource));
        assertEquals(401, edge.get("/v1/flows").statusCode());
        var ok = edge.get("/v1/leads?limit=5", "Authorization", "Bearer " + ADMIN);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(JSON.readTree(ok.body()).get("leads").isArray());
        var admin = edge.post("/v1/leads/site-form", "application/json", "{}", "Authorization", "Bearer " + ADMIN);
        assertEquals(401, admin.statusCode(), "an admin token is not a source token either");
    }

    @Test
    void rateLimit_pastBurstIs429WithRetryAfter() throws Exception {
        int ok = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = edge.post("/v1/leads/slow", "application/json", "{\"i\":" + i + "}", "Authorization", "Bearer " + TOKEN);
            if (last.statusCode() == 202) ok++;
            else break;
        }
        assertEquals(2, ok, "rate 1/s has a burst of 2");
        assertEquals(429, last.statusCode());
        assertEquals("rate_limited", code(last));
        assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElse("0")) >= 1);
    }

    static HttpResponse<String> postJson(String body) throws Exception {
        return edge.post("/v1/leads/site-form", "application/json", body, "Authorization", "Bearer " + TOKEN);
    }

    static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, code(r), r.body());
    }

    @Test
    void bodyOf257KiB_is413() throws Exception {
        int before = journal.count();
        String big = "{\"a\":\"" + "x".repeat(257 * 1024) + "\"}";
        assertError(postJson(big), 413, "body_too_large");
        assertEquals(before, journal.count());
    }

    @Test
    void jsonDepth65_is400() throws Exception {
        String deep = "[".repeat(64) + "]".repeat(64);
        assertError(postJson("{\"a\":" + deep + "}"), 400, "json_limit");
        String ok = "[".repeat(62) + "]".repeat(62);
        assertEquals(202, postJson("{\"a\":" + ok + "}").statusCode());
    }

    @Test
    void longStringAndHugeNumber_are400() throws Exception {
        assertError(postJson("{\"a\":\"" + "x".repeat(70_000) + "\"}"), 400, "json_limit");
        assertError(postJson("{\"a\":" + "9".repeat(10_000) + "}"), 400, "json_limit");
    }
}
