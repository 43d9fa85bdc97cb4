package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.security.WebhookVerifier;
import io.leadflow.runtime.testkit.EdgeFixture;
import io.leadflow.runtime.testkit.MemoryJournal;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 points 7, 8, 10, 11, 12 (intake side) and 15 (header scrubbing) over real sockets:
 * slow headers, stalled bodies, credentials refused before the body is read, the cap on
 * unauthenticated bodies, a malformed path, an unchecked signature, the one text rule for
 * bodies and HTTP/1.1 only. Timeouts are short here (1 s headers, 1 s body, 3 s idle); the
 * defaults are 10, 30 and 60 s.
 */
class HostileInputTest {
    static final String TOKEN = "tok_hostile_0123456789abcdef012345";
    static final String ADMIN = "adm_hostile_0123456789abcdef012345";
    static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("hostile-secret-32-bytes-long-xxx".getBytes(StandardCharsets.UTF_8));
    static final ObjectMapper JSON = new ObjectMapper();
    static final Limits LIMITS = Limits.DEFAULTS.withTimeouts(new Limits.Timeouts(1_000, 1_000, 3_000, 2));
    static MemoryJournal journal = new MemoryJournal();
    static EdgeFixture edge;

    @BeforeAll
    static void start() throws Exception {
        edge = new EdgeFixture(journal, Map.of("source.form.token", TOKEN, "source.shop.hmac", SECRET, "admin.token", ADMIN),
                LIMITS, Clock.systemUTC(), "form", "shop");
    }

    @AfterAll
    static void stop() {
        edge.close();
    }

    static RawClient raw() throws Exception {
        return new RawClient(edge.server.port());
    }

    @Test
    void slowloris_headersTricklingPastTheDeadline_connectionClosed() throws Exception {
        try (RawClient c = raw()) {
            long t0 = System.nanoTime();
            c.send("POST /v1/leads/form HTTP/1.1\r\nHost: x\r\n");
            boolean open = true;
            for (int i = 0; i < 40 && open; i++) {  // a header line every 100 ms would go on for 4 s
                Thread.sleep(100);
                open = c.send("X-Slow-" + i + ": y\r\n");
            }
            c.readUntilClosed();
            double secs = (System.nanoTime() - t0) / 1e9;
            assertTrue(secs < 3.0, "closed after " + secs + " s, the header deadline is 1 s");
        }
    }

    @Test
    void stalledBody_answered408AndClosed() throws Exception {
        try (RawClient c = raw()) {
            c.send("POST /v1/leads/form HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Length: 100\r\n\r\n{\"a\":");
            long t0 = System.nanoTime();
            String got = c.readUntilClosed();
            assertTrue(got.startsWith("HTTP/1.1 408"), got);
            assertTrue(got.contains("\"error\":\"body_timeout\""), got);
            assertTrue((System.nanoTime() - t0) / 1e9 < 3.0);
        }
    }

    @Test
    void idleConnection_closedAfterIdleTimeout() throws Exception {
        try (RawClient c = raw()) {
            c.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(c.readResponse().startsWith("HTTP/1.1 200"));
            long t0 = System.nanoTime();
            c.readUntilClosed();  // nothing more is sent: the header deadline of the next request (1 s) closes it
            assertTrue((System.nanoTime() - t0) / 1e9 < 3.0);
        }
    }

    @Test
    void wrongToken_refusedFromTheHeadersBeforeTheBodyIsSent() throws Exception {
        try (RawClient c = raw()) {
            // 200 KiB announced, only the headers sent: the 401 must come without the body.
            c.send("POST /v1/leads/form HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer wrong_token_0123456789abcdef"
                    + "\r\nContent-Length: 204800\r\n\r\n");
            String got = c.readResponse();
            assertTrue(got.startsWith("HTTP/1.1 401"), got);
            assertTrue(got.contains("token_invalid"), got);
            assertTrue(got.toLowerCase().contains("connection: close"), got);
        }
    }

    @Test
    void staleSignatureHeaders_refusedBeforeTheBody_andUnverifiedBodiesAreCapped() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        try (RawClient stale = raw()) {
            stale.send("POST /v1/leads/shop HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nwebhook-id: e1\r\nwebhook-timestamp: "
                    + (now - 3600) + "\r\nwebhook-signature: v1,AAAA\r\nContent-Length: 1000\r\n\r\n");
            assertTrue(stale.readResponse().contains("signature_stale"));
        }
        String head = "POST /v1/leads/shop HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nwebhook-id: e2\r\nwebhook-timestamp: "
                + now + "\r\nwebhook-signature: v1,AAAA\r\nContent-Length: 1000\r\n\r\n{";
        try (RawClient a = raw(); RawClient b = raw(); RawClient third = raw()) {
            a.send(head);
            b.send(head);
            Thread.sleep(200);  // both are now reading their (stalled) bodies: the cap of 2 is reached
            third.send(head);
            String got = third.readResponse();
            assertTrue(got.startsWith("HTTP/1.1 503"), got);
            assertTrue(got.contains("\"error\":\"busy\""), got);
            assertTrue(a.readUntilClosed().startsWith("HTTP/1.1 408"));
            assertTrue(b.readUntilClosed().startsWith("HTTP/1.1 408"));
        }
        // the permits came back: a properly signed lead passes
        String body = "{\"order\":5}";
        var ok = edge.post("/v1/leads/shop", "application/json", body, "webhook-id", "e5", "webhook-timestamp", Long.toString(now),
                "webhook-signature", WebhookVerifier.sign(SECRET, "e5", now, body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(202, ok.statusCode(), ok.body());
    }

    @Test
    void malformedPercentEscape_cleanJson400_oneBoundedLogLine() throws Exception {
        List<LogRecord> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override public void publish(LogRecord r) { records.add(r); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(h);
        try (RawClient c = raw()) {
            String longTail = "x".repeat(3000);
            c.send("POST /v1/leads/%ZZ" + longTail + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            String got = c.readResponse();
            assertTrue(got.startsWith("HTTP/1.1 400"), got);
            assertTrue(got.contains("\"error\":\"bad_path\""), got);
        } finally {
            root.removeHandler(h);
        }
        List<LogRecord> mine = records.stream().filter(r -> String.valueOf(r.getMessage()).contains("%ZZ")).toList();
        assertEquals(1, mine.size(), "one log line for the request");
        assertNull(mine.get(0).getThrown(), "no stack trace");
        assertTrue(mine.get(0).getMessage().length() < 200, mine.get(0).getMessage());
        assertTrue(records.stream().allMatch(r -> r.getThrown() == null), "no stack trace logged anywhere");
        for (String p : List.of("/v1/leads/form%00", "/v1/leads/%C0%AF", "/v1/leads/fo%2")) {
            try (RawClient c = raw()) {
                c.send("GET " + p + " HTTP/1.1\r\nHost: x\r\n\r\n");
                assertTrue(c.readResponse().startsWith("HTTP/1.1 400"), p);
            }
        }
    }

    /**
     * What the HTTP codec refuses before any route runs (headers over 8 KiB, a request line over
     * 4 KiB, bytes that are not HTTP/1.1) gets the JSON error body and {@code Connection: close},
     * and the server closes the connection (a raw socket each: a pooled client would reuse it).
     */
    @Test
    void codecRefusals_jsonBodyConnectionCloseAndClosed() throws Exception {
        String auth = "Authorization: Bearer " + TOKEN + "\r\n";
        Map<String, String> requests = new java.util.LinkedHashMap<>();
        requests.put("431 headers_too_large", "POST /v1/leads/form HTTP/1.1\r\nHost: x\r\n" + auth + "X-Big: " + "x".repeat(9 * 1024)
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        requests.put("414 request_line_too_long", "GET /v1/leads/" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.put("400 malformed_request", "POST /v1/leads/form HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
        requests.put("400 malformed_request ", "G\u0001T /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        int before = journal.count();
        for (var e : requests.entrySet()) {
            String status = e.getKey().substring(0, 3), code = e.getKey().substring(4).trim();
            try (RawClient c = raw()) {
                c.send(e.getValue());
                String got = c.readUntilClosed();  // fails the test if the server keeps the connection open
                // the version is the codec's (HTTP/1.0 when it could not read the request line)
                assertTrue(got.startsWith("HTTP/1.1 " + status) || got.startsWith("HTTP/1.0 " + status), e.getKey() + ": " + got);
                assertTrue(got.toLowerCase().contains("\r\nconnection: close\r\n"), e.getKey() + ": " + got);
                assertTrue(got.toLowerCase().contains("\r\ncontent-type: application/json"), e.getKey() + ": " + got);
                var body = JSON.readTree(got.substring(got.indexOf("\r\n\r\n") + 4));
                assertEquals(code, body.path("error").asText(), got);
                assertTrue(body.path("message").asText().length() > 10, got);
            }
        }
        assertEquals(before, journal.count(), "nothing stored");
        try (RawClient c = raw()) {  // the server still serves
            c.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(c.readResponse().startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void uncheckableSignatureOnATokenSource_isIgnoredEntirely() throws Exception {
        int before = journal.count();
        for (int i = 0; i < 2; i++) {
            var r = edge.post("/v1/leads/form", "application/json", "{\"n\":" + i + "}", "Authorization", "Bearer " + TOKEN,
                    "webhook-id", "evt_forged", "webhook-timestamp", "1", "webhook-signature", "v1,garbage");
            assertEquals(202, r.statusCode(), r.body());
        }
        assertEquals(before + 2, journal.count(), "the unverified webhook-id deduplicated nothing");
        assertNull(journal.stored.get(before).sourceEventId());
        assertNull(journal.stored.get(before + 1).sourceEventId());
    }

    @Test
    void credentialHeaders_neverKept() throws Exception {
        int before = journal.count();
        var r = edge.post("/v1/leads/form", "application/json", "{\"k\":1}", "Authorization", "Bearer " + TOKEN,
                "X-Api-Key", "sk_live_1", "X-Auth-Token", "at_2", "X-Shop", "kept");
        assertEquals(202, r.statusCode());
        Map<String, String> h = journal.stored.get(before).headers();
        assertEquals("kept", h.get("x-shop"));
        assertFalse(h.containsKey("x-api-key"));
        assertFalse(h.containsKey("x-auth-token"));
        assertFalse(h.containsKey("authorization"));
    }

    static HttpResponse<String> postBytes(String contentType, byte[] body) throws Exception {
        return edge.send(HttpRequest.newBuilder(edge.uri("/v1/leads/form")).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void oneTextRule_forJsonAndFormBodies() throws Exception {
        byte[] overlongSlash = {'{', '"', 'n', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        int before = journal.count();
        for (byte[] b : List.of(overlongSlash, bom.toByteArray(), "{\"n\":\"Ann\"}".getBytes(StandardCharsets.UTF_16),
                "{\"n\":\"Ann\"}".getBytes(java.nio.charset.Charset.forName("UTF-32")))) {
            var r = postBytes("application/json", b);
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("bad_encoding", JSON.readTree(r.body()).path("error").asText());
        }
        for (String form : List.of("name=%C0%AF", "name=a%00b", "name=%E2%82", "name=%ZZ")) {
            var r = postBytes("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, r.statusCode(), form + " " + r.body());
        }
        assertEquals(before, journal.count(), "none stored");
        var ok = postBytes("application/x-www-form-urlencoded", "name=%D0%9E%D0%BB%D1%8F+K".getBytes(StandardCharsets.US_ASCII));
        assertEquals(202, ok.statusCode(), ok.body());
    }

    @Test
    void http2Cleartext_isNotOffered() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        var r = h2.send(HttpRequest.newBuilder(edge.uri("/health/live")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, r.version(), "the h2c upgrade is declined");
    }
}
