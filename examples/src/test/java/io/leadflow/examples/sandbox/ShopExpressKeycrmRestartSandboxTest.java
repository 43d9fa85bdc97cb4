package io.leadflow.examples.sandbox;

import static io.leadflow.examples.sandbox.SandboxRun.find;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product sync's counts in the registry survive a restart: {@code serve
 * examples/shopexpress-keycrm --sandbox} runs catalog.flow's schedules at start, is stopped and
 * started again on the same data folder; the periods are recorded, so nothing runs again, and
 * {@code GET /v1/schedules} still shows each schedule's last run (read from its checkpoint).
 */
class ShopExpressKeycrmRestartSandboxTest {
    @TempDir
    Path data;

    private static JsonNode lastRuns(SandboxRun run, boolean waitForBoth) throws Exception {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        JsonNode body;
        do {
            var r = run.getWithAdmin(run.base() + "/v1/schedules");
            assertEquals(200, r.statusCode(), r.body());
            body = SandboxRun.JSON.readTree(r.body());
            if (!waitForBoth || find(body.path("schedules"), "name", "catalog daily").path("lastRun").path("finished").asBoolean()
                    && find(body.path("schedules"), "name", "prices and stock").path("lastRun").path("finished").asBoolean()) break;
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        return body.path("schedules");
    }

    @Test
    void theLastRunsCounts_areShownAfterARestart() throws Exception {
        JsonNode before;
        try (SandboxRun run = SandboxRun.start(Path.of("shopexpress-keycrm"), data, Map.of())) {
            before = lastRuns(run, true);
        }
        try (SandboxRun again = SandboxRun.start(Path.of("shopexpress-keycrm"), data, Map.of())) {
            JsonNode after = lastRuns(again, false);
            for (String name : new String[] {"catalog daily", "prices and stock"}) {
                JsonNode was = find(before, "name", name).path("lastRun");
                JsonNode now = find(after, "name", name).path("lastRun");
                assertEquals(true, now.path("finished").asBoolean(), name + " after the restart: " + after);
                assertEquals(was.path("period").asText(), now.path("period").asText(), name);
                assertEquals(was.path("counts"), now.path("counts"), name);
            }
        }
    }
}
