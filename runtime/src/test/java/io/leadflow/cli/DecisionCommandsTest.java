package io.leadflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leadflow test} and {@code explain} end to end, against Baselinker (the connector this build ships). */
class DecisionCommandsTest {
    static final String FLOW = """
            flow "shop" {
              from site.checkout
              to baselinker
              drop when lead.test == true "test order"
              order { email <- lead.email  phone <- lead.phone }
            }
            test "every lead creates an order" {
              lead { email: "a@b.c", phone: "+380671234567" }
              expect create order { contact: null, email: "a@b.c" }
            }
            test "a test order is dropped" {
              lead { test: true }
              expect drop "test order"
            }
            """;

    @Test
    void test_runsTheBlocks_andEndsWithTheCounts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("shop.flow"), FLOW);
        CliTest.Run r = CliTest.run("test", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().endsWith("2 passed, 0 failed\n"), r.out());
    }

    @Test
    void test_failure_showsExpectedAndActual_andExitsOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("shop.flow"), FLOW.replace("expect drop \"test order\"", "expect create order { email: \"x\" }"));
        CliTest.Run r = CliTest.run("test", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("FAIL") && r.out().contains("expected create order {\"email\":\"x\"}"), r.out());
        assertTrue(r.out().contains("actual: dropped (\"test order\")"), r.out());
        assertTrue(r.out().endsWith("1 passed, 1 failed\n"), r.out());
    }

    @Test
    void explain_printsTheTraceAsJson(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("shop.flow"), FLOW);
        Files.writeString(dir.resolve("lead.json"), "{\"email\": \"a@b.c\"}");
        CliTest.Run r = CliTest.run("explain", dir.resolve("shop.flow").toString(), "--flow", "shop", "--lead", dir.resolve("lead.json").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"effect\" : \"create deal\""), r.out());
    }

    @Test
    void explain_badLead_isOneLineNotAStackTrace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("shop.flow"), FLOW);
        Files.writeString(dir.resolve("lead.json"), "{not json");
        CliTest.Run r = CliTest.run("explain", dir.resolve("shop.flow").toString(), "--flow", "shop", "--lead", dir.resolve("lead.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("explain: --lead") && !r.err().contains("\tat "), r.err());
    }
}
