package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.sqlite.JournalOptions;
import io.leadflow.runtime.journal.sqlite.SqliteJournal;
import io.leadflow.runtime.testkit.EdgeFixture;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 point 15: a cursor the registry never gave out is the client's mistake (400), not an outage (503). */
class RegistryCursorTest {
    static final String ADMIN = "adm_cursor_0123456789abcdef01234567";

    @Test
    void malformedCursor_is400_aGivenOneStillPages(@TempDir Path dir) throws Exception {
        Vertx v = Vertx.vertx();
        SqliteJournal journal = Await.result(SqliteJournal.open(v, dir, JournalOptions.defaults()));
        try (EdgeFixture edge = new EdgeFixture(journal, Map.of("source.f.token", "tok_cursor_0123456789abcdef0123456",
                "admin.token", ADMIN), Limits.DEFAULTS, Clock.systemUTC(), "f")) {
            for (int i = 0; i < 3; i++) {
                edge.post("/v1/leads/f", "application/json", "{\"i\":" + i + "}", "Authorization", "Bearer tok_cursor_0123456789abcdef0123456");
            }
            var bad = edge.get("/v1/leads?cursor=not-a-cursor", "Authorization", "Bearer " + ADMIN);
            assertEquals(400, bad.statusCode(), bad.body());
            assertEquals("bad_cursor", new ObjectMapper().readTree(bad.body()).path("error").asText());
            var first = new ObjectMapper().readTree(edge.get("/v1/leads?limit=2", "Authorization", "Bearer " + ADMIN).body());
            var next = edge.get("/v1/leads?limit=2&cursor=" + first.path("next").asText(), "Authorization", "Bearer " + ADMIN);
            assertEquals(200, next.statusCode(), next.body());
            assertEquals(1, new ObjectMapper().readTree(next.body()).path("leads").size());
        } finally {
            Await.result(journal.close());
            v.close().await();
        }
    }
}
