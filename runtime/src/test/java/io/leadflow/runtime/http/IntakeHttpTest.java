package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.testkit.EdgeFixture;
import io.leadflow.runtime.testkit.MemoryJournal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IntakeHttpTest {
    static final String TOKEN = "tok_0123456789abcdef0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();
    static MemoryJournal journal = new MemoryJournal();
    static EdgeFixture edge;

    @BeforeAll
    static void start() throws Exception {
        edge = new EdgeFixture(journal, Map.of("source.site-form.token", TOKEN), Limits.DEFAULTS, Clock.systemUTC(), "site form");
    }

    @AfterAll
    static void stop() {
        edge.close();
    }

    static HttpResponse<String> postLead(String contentType, String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + TOKEN;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return edge.post("/v1/leads/site-form", contentType, body, all);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, json(r).path("error").asText(), r.body());
        assertTrue(json(r).path("message").asText().length() > 10, r.body());
    }

    @Test
    void jsonLead_isAcceptedWith202AndStored() throws Exception {
        int before = journal.count();
        var r = postLead("application/json; charset=utf-8", "{\"name\":\"Olena\",\"phone\":\"0671234567\"}");
        assertEquals(202, r.statusCode(), r.body());
        assertNotNull(json(r).get("id").asText());
        assertEquals(false, json(r).get("duplicate").asBoolean());
        assertEquals(before + 1, journal.count());
        assertEquals("site form", journal.stored.get(journal.count() - 1).flow());
    }

    @Test
    void formLead_isAcceptedAndKeptRaw() throws Exception {
        var r = postLead("application/x-www-form-urlencoded", "name=Olena&tag=a&tag=b");
        assertEquals(202, r.statusCode(), r.body());
        var stored = journal.stored.get(journal.count() - 1);
        assertEquals("application/x-www-form-urlencoded", stored.contentType());
        assertEquals("name=Olena&tag=a&tag=b", new String(stored.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(stored.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("authorization")), "the token is scrubbed");
    }

    @Test
    void unknownFlow_is404WithJsonBody() throws Exception {
        assertError(edge.post("/v1/leads/nope", "application/json", "{}", "Authorization", "Bearer " + TOKEN), 404, "unknown_flow");
    }

    @Test
    void wrongMethod_is405() throws Exception {
        var r = edge.send(HttpRequest.newBuilder(edge.uri("/v1/leads/site-form")).DELETE());
        assertError(r, 405, "method_not_allowed");
    }

    @Test
    void putLead_isTakenLikePost() throws Exception {
        // Horoshop delivers its hooks by PUT [P]: the same intake, the same answer, one lead stored.
        int before = journal.count();
        var r = edge.send(HttpRequest.newBuilder(edge.uri("/v1/leads/site-form")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Olena\"}")));
        assertEquals(202, r.statusCode(), r.body());
        assertEquals(before + 1, journal.count());
        var unauthenticated = edge.send(HttpRequest.newBuilder(edge.uri("/v1/leads/site-form"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(401, unauthenticated.statusCode(), unauthenticated.body());
        assertEquals(before + 1, journal.count());
    }

    @Test
    void unknownPath_is404() throws Exception {
        assertError(edge.get("/nothing/here"), 404, "not_found");
    }

    @Test
    void textPlain_is415() throws Exception {
        assertError(postLead("text/plain", "hello"), 415, "unsupported_media_type");
        assertError(postLead(null, "{}"), 415, "unsupported_media_type");
    }

    @Test
    void brokenOrNonObjectJson_is400() throws Exception {
        assertError(postLead("application/json", "{\"a\":"), 400, "invalid_json");
        assertError(postLead("application/json", "[1,2]"), 400, "not_an_object");
        assertError(postLead("application/json", ""), 400, "empty_body");
    }

    @Test
    void tooManyFormFields_is400() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 300; i++) b.append("f").append(i).append("=1&");
        assertError(postLead("application/x-www-form-urlencoded", b.toString()), 400, "form_limit");
    }

    @Test
    void idempotencyKey_twiceGivesSameIdAndOneLead() throws Exception {
        int before = journal.count();
        var a = postLead("application/json", "{\"n\":1}", "Idempotency-Key", "order-771");
        var b = postLead("application/json", "{\"n\":1}", "Idempotency-Key", "order-771");
        assertEquals(202, a.statusCode());
        assertEquals(200, b.statusCode());
        assertEquals(json(a).get("id"), json(b).get("id"));
        assertTrue(json(b).get("duplicate").asBoolean());
        assertEquals(before + 1, journal.count());
    }

    @Test
    void journalOverloaded_is503WithRetryAfterAndNothingStored() throws Exception {
        journal.overloaded.set(true);
        try {
            int before = journal.count();
            var r = postLead("application/json", "{\"n\":2}");
            assertError(r, 503, "overloaded");
            assertEquals("2", r.headers().firstValue("Retry-After").orElse(null));
            assertEquals(before, journal.count());
        } finally {
            journal.overloaded.set(false);
        }
    }

    @Test
    void keepAliveConnection_survivesRefusals() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(415, postLead("text/plain", "x".repeat(1000)).statusCode());
            assertEquals(202, postLead("application/json", "{\"i\":" + i + "}").statusCode());
        }
    }

    @Test
    void headersOver8KiB_areRefusedWith431() throws Exception {
        // A raw socket of its own: the server closes the connection after a 431 (a pooled client
        // reused it and the next test failed with "header parser received no bytes").
        try (RawClient c = new RawClient(edge.server.port())) {
            c.send("POST /v1/leads/site-form HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nX-Big: " + "x".repeat(9 * 1024) + "\r\nContent-Length: 2\r\n\r\n{}");
            String got = c.readUntilClosed();
            assertTrue(got.startsWith("HTTP/1.1 431"), got);
            assertTrue(got.toLowerCase().contains("connection: close"), got);
            assertEquals("headers_too_large", JSON.readTree(got.substring(got.indexOf("\r\n\r\n") + 4)).path("error").asText(), got);
        }
    }
}
