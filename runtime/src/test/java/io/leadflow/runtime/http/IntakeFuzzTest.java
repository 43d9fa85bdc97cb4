package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.testkit.EdgeFixture;
import io.leadflow.runtime.testkit.MemoryJournal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * T10 (RELIABILITY.md §7), the intake half: 1,000 random bodies (×{@code leadflow.soak}; 10,000
 * with {@code -Psoak}) over real HTTP — deep, large, odd Unicode (lone surrogates, NUL, BOMs,
 * overlong bytes), wrong types, random bytes, random forms, random media types. Only 2xx and 4xx
 * come back (never 5xx, never a hang), every 2xx is a stored lead, and the server still serves.
 * The compiler half is {@code dsl/.../props/CompilerPropertyTest}.
 */
class IntakeFuzzTest {
    static final int BODIES = 1_000 * Integer.getInteger("leadflow.soak", 1);
    static final String TOKEN = "tok_fuzz_0123456789abcdef0123456789";

    static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(3),
                Arbitraries.of("Олена", "𝓛𝓮𝓪𝓭", "\ufeff", "\u202e", "067 123 45 67", "\\u0000", "\"", "\\"),
                Arbitraries.just("é".repeat(70_000)));
    }

    static Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(text().map(IntakeFuzzTest::quote), Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1e999999", "-0", "9".repeat(200), "NaN", "01"));
        if (depth == 0) return scalar;
        Arbitrary<String> array = json(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object = Arbitraries.maps(text(), json(depth - 1)).ofMaxSize(3).map(m -> {
            StringBuilder b = new StringBuilder("{");
            m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(quote(k)).append(':').append(v));
            return b.append('}').toString();
        });
        return Arbitraries.oneOf(scalar, array, object);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static byte[] body(Random r) {
        return switch (r.nextInt(7)) {
            case 0, 1 -> json(3).sample().getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"a\":" + "[".repeat(r.nextInt(120)) + "1" + "]".repeat(r.nextInt(120)) + "}").getBytes(StandardCharsets.UTF_8);
            case 3 -> {
                byte[] b = new byte[r.nextInt(600)];
                r.nextBytes(b);
                yield b;
            }
            case 4 -> ("name=" + text().sample() + "&phone=%" + Integer.toHexString(r.nextInt(256)) + "&x=%C0%80&" + "k=v&".repeat(r.nextInt(300)))
                    .getBytes(StandardCharsets.UTF_8);
            case 5 -> json(2).sample().getBytes(r.nextBoolean() ? StandardCharsets.UTF_16 : StandardCharsets.ISO_8859_1);
            default -> ("{\"phone\":" + quote(text().sample()) + "}").getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void randomBodies_getOnly2xxOr4xx_andEvery2xxIsStored() throws Exception {
        MemoryJournal journal = new MemoryJournal();
        Random r = new Random(10);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> types = List.of("application/json", "application/json; charset=utf-8", "application/x-www-form-urlencoded",
                "text/plain", "application/json; charset=utf-16", "multipart/form-data; boundary=x");
        int accepted = 0;
        try (EdgeFixture edge = new EdgeFixture(journal, Map.of("source.fuzz.token", TOKEN), Limits.DEFAULTS, Clock.systemUTC(), "fuzz")) {
            for (int i = 0; i < BODIES; i++) {
                byte[] body = body(r);
                HttpResponse<String> res = edge.send(HttpRequest.newBuilder(edge.uri("/v1/leads/fuzz"))
                        .header("Content-Type", types.get(r.nextInt(types.size()))).header("Authorization", "Bearer " + TOKEN)
                        .timeout(java.time.Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
                statuses.merge(res.statusCode(), 1, Integer::sum);
                assertTrue(res.statusCode() < 500, "status " + res.statusCode() + " for body " + new String(body, 0, Math.min(200, body.length),
                        StandardCharsets.UTF_8) + ": " + res.body());
                if (res.statusCode() / 100 == 2) accepted++;
                else assertTrue(res.body().contains("\"error\""), res.body());
            }
            assertEquals(200, edge.get("/health/live").statusCode(), "still serving");
        }
        System.out.println("T10 intake: " + BODIES + " random bodies, statuses " + statuses + ", 0 x 5xx");
        assertEquals(accepted, journal.count(), "every 2xx is a stored lead");
        assertTrue(accepted > 0 && accepted < BODIES, "the bodies are a mix of good and bad: " + statuses);
    }
}
