package io.leadflow.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 defect 2, second half, in {@code serve --sandbox}: a lead whose SECOND effect leaves out
 * a field the target requires (KeepinCRM's agreement {@code title}, required to create one) is
 * refused before its first effect. Without the preflight the client was created and the
 * agreement then refused (422 "can't be blank"): half a lead applied. Here the emulated KeepinCRM
 * account stays untouched and the lead is a dead letter naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequiredFieldPreflightSandboxTest {
    private static final String TOKEN = "lf_test_horoshop_0123456789abcdef0123456789";
    private static final String FLOW = """
            flow "web orders" {
              from horoshop.orders(account: "shop1")
              to keepincrm(account: "main")
              fields whole

              phone lead.delivery_phone as UA digits 9
              find contact by phone
              otherwise -> create contact, create deal

              contact {
                name  <- lead.delivery_name ?? "Customer {phone}"
                phone <- phone
              }
              deal {
                title <- lead.comment
                total <- lead.total_sum
                products_total_as_total <- lead.whole
              }
            }
            """;
    /** KeyCRM orders (the default mode) need a source: none is mapped and this account sets no {@code source_id}. */
    private static final String KEYCRM_FLOW = """
            flow "crm orders" {
              from horoshop.orders(account: "shop2")
              to keycrm(account: "main")

              phone lead.delivery_phone as UA digits 9
              find contact by phone
              otherwise -> create contact, create deal

              contact {
                full_name <- lead.delivery_name ?? "Customer {phone}"
                phone     <- phone
              }
              deal {
                manager_comment <- lead.comment
              }
            }
            """;
    private static final String KEYCRM_TOKEN = "lf_test_horoshop_keycrm_0123456789abcdef01234";
    @TempDir
    static Path data;
    private SandboxRun run;

    @BeforeAll
    void start() throws Exception {
        Path example = Files.createDirectories(data.resolve("preflight"));
        Files.writeString(example.resolve("orders.flow"), FLOW);
        Files.writeString(example.resolve("crm.flow"), KEYCRM_FLOW);
        // the KeyCRM emulator's account sets source_id 3 by default; this account blanks it, as a real one may leave it unset
        run = SandboxRun.start(example, data, Map.of("source.web-orders.token", TOKEN, "source.crm-orders.token", KEYCRM_TOKEN,
                "crm.keycrm.main.setting.source_id", ""));
    }

    @AfterAll
    void stop() {
        run.close();
    }

    @Test
    void aRequiredFieldLeftOutOfTheSecondEffect_refusesTheLeadBeforeTheFirst() throws Exception {
        String refused = run.lead("web-orders", TOKEN,
                "{\"order_id\": 7701, \"delivery_name\": \"Ірина\", \"delivery_phone\": \"+380675550101\", \"total_sum\": 900}");
        JsonNode dead = run.finished(refused);
        assertEquals("dead", dead.path("status").asText(), dead.toString());
        String reason = dead.toString();
        assertTrue(reason.contains("refused before any effect") && reason.contains("'title'") && reason.contains("create deal"), reason);

        JsonNode crm = run.records(run.emulator("keepincrm"));
        assertEquals(0, crm.path("clients").size(), "no client may be created for a refused lead: " + crm);
        assertEquals(0, crm.path("agreements").size(), crm.toString());

        String fine = run.lead("web-orders", TOKEN, "{\"order_id\": 7702, \"delivery_name\": \"Ірина\", \"delivery_phone\": \"+380675550101\","
                + " \"total_sum\": 900, \"comment\": \"Order 7702\"}");
        assertEquals("done", run.finished(fine).path("status").asText());
        crm = run.records(run.emulator("keepincrm"));
        assertEquals(1, crm.path("clients").size(), crm.toString());
        assertEquals(1, crm.path("agreements").size(), crm.toString());
    }

    /**
     * A value the SECOND effect's field type cannot take (a boolean field given {@code "maybe"}):
     * before, the preflight let it through and the KeepinCRM encoder ({@code FieldValues.coerce})
     * refused it while building the agreement, after the client was created.
     */
    @Test
    void aValueTheSecondEffectsFieldCannotTake_refusesTheLeadBeforeTheFirst() throws Exception {
        String refused = run.lead("web-orders", TOKEN, "{\"order_id\": 7711, \"delivery_name\": \"Марта\", \"delivery_phone\": \"+380675550111\","
                + " \"total_sum\": 900, \"comment\": \"Order 7711\", \"whole\": \"maybe\"}");
        JsonNode dead = run.finished(refused);
        assertEquals("dead", dead.path("status").asText(), dead.toString());
        assertTrue(dead.toString().contains("refused before any effect") && dead.toString().contains("'products_total_as_total' takes a boolean"),
                dead.toString());
        JsonNode crm = run.records(run.emulator("keepincrm"));
        for (JsonNode client : crm.path("clients")) {
            assertTrue(!client.toString().contains("380675550111"), "no client may be created for a refused lead: " + crm);
        }
    }

    /**
     * What the target account's own settings make known (KeyCRM: a new order needs a source; none
     * mapped, none set for the account): before, the buyer was created and the order then refused
     * by the connector.
     */
    @Test
    void anOrderTheAccountCannotTakeForWantOfASource_refusesTheLeadBeforeTheBuyerIsCreated() throws Exception {
        String refused = run.lead("crm-orders", KEYCRM_TOKEN,
                "{\"order_id\": 7721, \"delivery_name\": \"Олег\", \"delivery_phone\": \"+380675550121\", \"comment\": \"call back\"}");
        JsonNode dead = run.finished(refused);
        assertEquals("dead", dead.path("status").asText(), dead.toString());
        assertTrue(dead.toString().contains("refused before any effect") && dead.toString().contains("KeyCRM needs a source for new orders"),
                dead.toString());
        JsonNode crm = run.records(run.emulator("keycrm"));
        assertEquals(0, crm.path("buyers").size(), "no buyer may be created for a refused lead: " + crm);
        assertEquals(0, crm.path("orders").size(), crm.toString());
    }
}
