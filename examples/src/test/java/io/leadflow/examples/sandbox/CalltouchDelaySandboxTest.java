package io.leadflow.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002 in {@code serve examples/calltouch-retailcrm --sandbox} as shipped: the 1-minute delay
 * holds a call back (nothing reaches RetailCRM at once), and a flow mapping a custom field the
 * account lacks (the example's old {@code calltouch_call_id}, issue 9 defect 2) makes the lead a
 * dead letter before any effect: no client is created for an order that cannot be.
 */
class CalltouchDelaySandboxTest {
    @TempDir
    Path data;

    @Test
    void aCall_waitsTheFlowsMinute_beforeAnythingReachesRetailcrm() throws Exception {
        try (SandboxRun run = SandboxRun.start(Path.of("calltouch-retailcrm"), data,
                Map.of("source.calltouch-to-retailcrm.token", CalltouchRetailcrmSandboxTest.CALLS))) {
            var r = run.postForm(run.base() + "/v1/leads/calltouch-to-retailcrm?token=" + CalltouchRetailcrmSandboxTest.CALLS,
                    Map.of("callId", "1", "siteId", "77", "callerphone", "79157771122"));
            assertEquals(202, r.statusCode(), r.body());
            String id = SandboxRun.JSON.readTree(r.body()).path("id").asText();
            Thread.sleep(2000);
            JsonNode lead = run.registryLead(id);
            assertTrue(!lead.path("status").asText().equals("done"), lead.toString());
            Instant received = Instant.parse(lead.path("receivedAt").asText());
            Instant next = Instant.parse(lead.path("nextAt").asText());
            assertEquals(Duration.ofMinutes(1), Duration.between(received, next), lead.toString());
            assertEquals(0, run.records(run.emulator("retailcrm", "main")).path("customers").size());
        }
    }

    @Test
    void aCustomFieldTheAccountLacks_refusesTheLeadBeforeAnyEffect_andSaysWhichAndWhatWasMeant() throws Exception {
        Path folder = SandboxRun.copy(Path.of("calltouch-retailcrm"), data.resolve("rules"), "calls.flow", "delay 1m", "delay 1s",
                "calls.flow", "deal_cf_ct_call_id <- lead.callId", "deal_cf_calltouch_call_id <- lead.callId");
        try (SandboxRun run = SandboxRun.start(folder, data, Map.of("source.calltouch-to-retailcrm.token", CalltouchRetailcrmSandboxTest.CALLS))) {
            var r = run.postForm(run.base() + "/v1/leads/calltouch-to-retailcrm?token=" + CalltouchRetailcrmSandboxTest.CALLS,
                    Map.of("callId", "2", "siteId", "77", "callerphone", "79157771133"));
            assertEquals(202, r.statusCode(), r.body());
            JsonNode lead = run.finished(SandboxRun.JSON.readTree(r.body()).path("id").asText());
            assertEquals("dead", lead.path("status").asText(), lead.toString());
            String reason = lead.path("reason").asText();
            assertTrue(reason.startsWith("refused before any effect"), reason);
            assertTrue(reason.contains("deal_cf_calltouch_call_id") && reason.contains("deal_cf_ct_call_id"), reason);
            assertEquals(0, lead.path("effects").size(), "no effect recorded: " + lead);
            JsonNode records = run.records(run.emulator("retailcrm", "main"));
            assertEquals(0, records.path("customers").size(), "no half-applied lead: " + records);
            assertEquals(0, records.path("orders").size());
            String flows = run.getWithAdmin(run.base() + "/v1/flows").body();
            assertTrue(flows.contains("deal_cf_calltouch_call_id"), "the start-up check of the emulated account says it too: " + flows);
        }
    }
}
