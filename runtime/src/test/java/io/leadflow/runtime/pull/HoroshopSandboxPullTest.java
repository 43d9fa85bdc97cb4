package io.leadflow.runtime.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.config.ServeSettings;
import io.leadflow.runtime.http.LeadflowServer;
import io.leadflow.runtime.reload.DslRuleCompiler;
import io.leadflow.spi.ConnectorCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's "done when": Horoshop orders and registrations are READ (not pushed) in
 * {@code serve --sandbox}: the shop's emulator, filled through its seed route, is read by both
 * pulled flows; GET /v1/sources shows each cursor's leads. The records are made "now" (shop time),
 * as a shop makes them: the first read of the empty shop already moved the cursor to its start.
 */
class HoroshopSandboxPullTest {
    static final String ADMIN = "admin_sandbox_0123456789abcdef0123456789";
    static final String RULES = """
            flow "shop orders" {
              from horoshop.orders(account: "shop", poll: "1s")
              to keepincrm(account: "main")
              contact { name <- lead.delivery_name ?? "?" }
            }
            flow "shop registrations" {
              from horoshop.registrations(account: "shop", poll: "1s")
              to keepincrm(account: "main")
              contact { name <- lead.title ?? "?" }
            }
            """;
    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
        return http.send(r.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ordersAndRegistrations_areReadFromTheShopsEmulator() throws Exception {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/shop.flow"), RULES);
        Files.writeString(dir.resolve("secrets.properties"), "admin.token=" + ADMIN + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServeSettings s = new ServeSettings(dir.resolve("rules"), dir.resolve("data"), "127.0.0.1", 0, true,
                dir.resolve("secrets.properties"), Limits.DEFAULTS, true);
        LeadflowServer server = LeadflowServer.start(s, new DslRuleCompiler(ConnectorCatalog.discover()), Map.of(), new PrintStream(out, true));
        try {
            Matcher m = Pattern.compile("emulator horoshop account 'shop' listening on (http://[0-9.:]+)").matcher(out.toString(StandardCharsets.UTF_8));
            assertTrue(m.find(), out.toString(StandardCharsets.UTF_8));
            String at = LocalDateTime.now(ZoneId.of("Europe/Kyiv")).withNano(0).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            String seed = "{\"orders\":[{\"order_id\":1207,\"stat_status\":1,\"stat_created\":\"" + at + "\",\"delivery_name\":\"Olena\"},"
                    + "{\"order_id\":1208,\"stat_status\":1,\"stat_created\":\"" + at + "\",\"delivery_name\":\"Ivan\"}],"
                    + "\"users\":[{\"id\":51,\"title\":\"Olena\",\"email\":\"o@example.com\",\"registered\":\"" + at + "\"}]}";
            HttpResponse<String> seeded = send(HttpRequest.newBuilder(URI.create(m.group(1) + "/__emulator/seed"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(seed)));
            assertTrue(seeded.statusCode() < 300, seeded.body());
            String sources = "http://127.0.0.1:" + server.port() + "/v1/sources";
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JsonNode report = null;
            while (System.nanoTime() < end) {
                report = json.readTree(send(HttpRequest.newBuilder(URI.create(sources)).header("Authorization", "Bearer " + ADMIN).GET()).body());
                if (recorded(report, "horoshop.orders") == 2 && recorded(report, "horoshop.registrations") == 1) break;
                Thread.sleep(200);
            }
            assertEquals(2, recorded(report, "horoshop.orders"), String.valueOf(report));
            assertEquals(1, recorded(report, "horoshop.registrations"), String.valueOf(report));
        } finally {
            server.stop();
        }
    }

    private static long recorded(JsonNode report, String source) {
        for (JsonNode s : report.path("sources")) if (source.equals(s.path("source").asText())) return s.path("leads_recorded").asLong();
        return -1;
    }
}
