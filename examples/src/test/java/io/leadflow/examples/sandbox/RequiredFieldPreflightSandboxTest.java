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
              }
            }
            """;
    @TempDir
    static Path data;
    private SandboxRun run;

    @BeforeAll
    void start() throws Exception {
        Path example = Files.createDirectories(data.resolve("preflight"));
        Files.writeString(example.resolve("orders.flow"), FLOW);
        run = SandboxRun.start(example, data, Map.of("source.web-orders.token", TOKEN));
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
}
