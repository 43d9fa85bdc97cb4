package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.connector.retailcrm.RetailcrmFactory;
import io.leadflow.connector.retailcrm.emulator.RetailcrmEmulator;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.config.ServeSettings;
import io.leadflow.runtime.reload.DslRuleCompiler;
import io.leadflow.spi.ConnectorCatalog;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account setting the connector cannot read stops {@code serve} at start with every refusal
 * named, before any CRM call (the emulator behind the pulled account sees none): a pulled
 * source's {@code rate_limit} that does not read, and the same on an account a flow writes to.
 * "100/1m" reads (minutes are accepted). On a reload the same refusal keeps the running program.
 */
class AccountConfigRefusalTest {
    static final String FLOW = """
            flow "order changes" {
              from retailcrm.orders_history(account: "shop", poll: "30s")
              to keepincrm(account: "main")
              contact { name <- lead.order.firstName ?? "?" }
            }
            """;
    static final String RELOAD_ADMIN = "admin_0123456789abcdef0123456789abcdef";
    @TempDir
    Path dir;
    Vertx vertx;
    RetailcrmEmulator emulator;
    RetailcrmEmulator other;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        emulator = new RetailcrmFactory().startEmulator(vertx, 0).await();
        other = new RetailcrmFactory().startEmulator(vertx, 0).await();
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/feed.flow"), FLOW);
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private LeadflowServer serve(String secrets) throws Exception {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "admin.token=admin_0123456789abcdef0123456789abcdef\n"
                + "crm.retailcrm.shop.base_url=http://127.0.0.1:" + emulator.port() + "\n"
                + "crm.retailcrm.shop.api_key=" + RetailcrmEmulator.TEST_KEY + "\n" + secrets);
        ServeSettings s = new ServeSettings(dir.resolve("rules"), dir.resolve("data"), "127.0.0.1", 0, false, file, Limits.DEFAULTS, false);
        return LeadflowServer.start(s, new DslRuleCompiler(ConnectorCatalog.discover()), Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true));
    }

    @Test
    void aRateLimitThatDoesNotRead_stopsTheStart_namingEachAccount_beforeAnyCall() throws Exception {
        LeadflowServer.StartFailure e = assertThrows(LeadflowServer.StartFailure.class, () -> serve(
                "crm.retailcrm.shop.setting.rate_limit=100 a minute\n"
                        + "crm.keepincrm.main.api_key=k\ncrm.keepincrm.main.base_url=http://127.0.0.1:1\n"
                        + "crm.keepincrm.main.setting.rate_limit=lots\n"));
        assertTrue(e.getMessage().contains("retailcrm/shop: rate_limit must look like"), e.getMessage());
        assertTrue(e.getMessage().contains("\"100 a minute\""), e.getMessage());
        assertTrue(e.getMessage().contains("keepincrm/main: rate_limit must look like"), e.getMessage());
        assertTrue(emulator.received().isEmpty(), "no call reached the pulled account: " + emulator.received());
    }

    @Test
    void minutesRead() throws Exception {
        LeadflowServer server = serve("crm.retailcrm.shop.setting.rate_limit=100/1m\n");
        server.stop();
    }

    private String get(LeadflowServer server, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + RELOAD_ADMIN).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private JsonNode flows(LeadflowServer server) throws Exception {
        return json.readTree(get(server, "/v1/flows"));
    }

    private JsonNode awaitFlows(LeadflowServer server, Predicate<JsonNode> done, String what) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = flows(server);
            if (done.test(last)) return last;
            Thread.sleep(200);
        }
        throw new AssertionError(what + " not seen: " + last);
    }

    /**
     * A reload whose rules compile but whose account configuration the connector refuses (a new
     * pulled account with a {@code rate_limit} that does not read) is a failed reload, as a broken
     * rule file is: the running program stays, {@code GET /v1/flows} shows the reload failed with
     * the refusal, and the refused account is never called. A later reload that passes is swapped in.
     */
    @Test
    void aReloadWithARefusedAccountSetting_keepsTheRunningProgram_andIsReportedFailed() throws Exception {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "admin.token=" + RELOAD_ADMIN + "\n"
                + "crm.keepincrm.main.api_key=k\ncrm.keepincrm.main.base_url=http://127.0.0.1:1\n"
                + "crm.retailcrm.shop.base_url=http://127.0.0.1:" + emulator.port() + "\ncrm.retailcrm.shop.api_key=" + RetailcrmEmulator.TEST_KEY + "\n"
                + "crm.retailcrm.other.base_url=http://127.0.0.1:" + other.port() + "\ncrm.retailcrm.other.api_key=" + RetailcrmEmulator.TEST_KEY + "\n"
                + "crm.retailcrm.other.setting.rate_limit=lots\n");
        ServeSettings s = new ServeSettings(dir.resolve("rules"), dir.resolve("data"), "127.0.0.1", 0, false, secrets, Limits.DEFAULTS, false);
        LeadflowServer server = LeadflowServer.start(s, new DslRuleCompiler(ConnectorCatalog.discover()), Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true));
        try {
            JsonNode before = flows(server);
            String version = before.path("ruleVersion").asText();
            assertEquals(1, before.path("flows").size(), before.toString());

            Files.writeString(dir.resolve("rules/other.flow"), FLOW.replace("order changes", "other changes").replace("\"shop\"", "\"other\"")
                    .replace("30s", "1s"));
            JsonNode failed = awaitFlows(server, f -> f.path("lastReload").path("files").size() == 2, "the reload of two files");
            JsonNode reload = failed.path("lastReload");
            assertFalse(reload.path("ok").asBoolean(), reload.toString());
            assertEquals(1, reload.path("refused").size(), reload.toString());
            assertTrue(reload.path("refused").get(0).asText().startsWith("retailcrm/other: rate_limit must look like"), reload.toString());
            assertTrue(reload.path("rendered").asText().contains("retailcrm/other: rate_limit must look like"), reload.toString());
            assertEquals(version, failed.path("ruleVersion").asText(), "the running program stays");
            assertEquals(version, reload.path("runningVersion").asText());
            assertEquals(1, failed.path("flows").size(), failed.toString());
            String sources = get(server, "/v1/sources");
            assertFalse(sources.contains("other"), "no poller for the refused program's source: " + sources);
            assertTrue(other.received().isEmpty(), "the refused account was called: " + other.received());

            Files.writeString(dir.resolve("rules/other.flow"), FLOW.replace("order changes", "other changes"));
            JsonNode ok = awaitFlows(server, f -> f.path("lastReload").path("ok").asBoolean(), "a passing reload");
            assertEquals(2, ok.path("flows").size(), ok.toString());
            assertEquals(0, ok.path("lastReload").path("refused").size());
            assertTrue(other.received().isEmpty(), other.received().toString());
        } finally {
            server.stop();
        }
    }
}
