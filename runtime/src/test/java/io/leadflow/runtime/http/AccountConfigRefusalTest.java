package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.retailcrm.RetailcrmFactory;
import io.leadflow.connector.retailcrm.emulator.RetailcrmEmulator;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.config.ServeSettings;
import io.leadflow.runtime.reload.DslRuleCompiler;
import io.leadflow.spi.ConnectorCatalog;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account setting the connector cannot read stops {@code serve} at start with every refusal
 * named, before any CRM call (the emulator behind the pulled account sees none): a pulled
 * source's {@code rate_limit} that does not read, and the same on an account a flow writes to.
 * "100/1m" reads (minutes are accepted).
 */
class AccountConfigRefusalTest {
    static final String FLOW = """
            flow "order changes" {
              from retailcrm.orders_history(account: "shop", poll: "30s")
              to keepincrm(account: "main")
              contact { name <- lead.order.firstName ?? "?" }
            }
            """;
    @TempDir
    Path dir;
    Vertx vertx;
    RetailcrmEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        emulator = new RetailcrmFactory().startEmulator(vertx, 0).await();
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
}
