package io.leadflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.Leads;
import io.leadflow.runtime.journal.Ledger;
import io.leadflow.runtime.journal.sqlite.JournalOptions;
import io.leadflow.runtime.journal.sqlite.SqliteJournal;
import io.leadflow.runtime.reload.DslRuleCompiler;
import io.leadflow.spi.ConnectorCatalog;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leadflow impact}: stored leads re-decided by the rules that ran them and by candidate rules, from a journal folder. */
class ImpactCommandTest {

    @Test
    void aChangedMapping_isListedPerLeadAndGrouped_andUnchangedRulesChangeNothing(@TempDir Path dir) throws Exception {
        String rules = Files.readString(Path.of(CliTest.EXAMPLE));
        String lead = Files.readString(Path.of("../examples/site-form-baselinker/lead.json"));
        CompileResult base = new DslRuleCompiler(ConnectorCatalog.discover()).compileSources(Map.of("orders.flow", rules));
        String hash = base.program().orElseThrow().contentHash();
        Path data = dir.resolve("data");
        Vertx vertx = Vertx.vertx();
        try {
            Journal j = SqliteJournal.open(vertx, data, JournalOptions.defaults()).await();
            j.ledger().storeRules(hash, Map.of("orders.flow", rules)).await();
            Instant t = Instant.parse("2026-03-01T10:00:00Z");
            j.append(Leads.json("site checkout", "a", lead, t)).await();
            j.append(Leads.json("site checkout", "b", lead.replace("\"cod\"", "\"card\""), t.plusSeconds(1))).await();
            for (Ledger.ClaimedLead c : j.ledger().claimDue(t.plusSeconds(5), 10).await()) {
                j.ledger().recordDecision(new Ledger.DecisionRecord(c.leadId(), c.run(), hash, "k" + c.seq(), "baselinker", "main", null,
                        "{\"steps\":[]}", List.of(), null)).await();
            }
            j.close().await();
        } finally {
            vertx.close().await();
        }
        Path same = Files.createDirectories(dir.resolve("same"));
        Files.writeString(same.resolve("orders.flow"), rules);
        CliTest.Run unchanged = CliTest.run("impact", "--data", data.toString(), "--fail-on-change", same.toString());
        assertEquals(0, unchanged.code(), unchanged.out() + unchanged.err());
        assertTrue(unchanged.out().startsWith("2 leads re-decided, 0 would change"), unchanged.out());

        Path candidate = Files.createDirectories(dir.resolve("candidate"));
        Files.writeString(candidate.resolve("orders.flow"), rules.replace("upper(lead.currency ?? \"pln\")", "\"EUR\""));
        CliTest.Run changed = CliTest.run("impact", "--data", data.toString(), "--since", "100000d", "--fail-on-change", candidate.toString());
        assertEquals(3, changed.code(), changed.out() + changed.err());
        assertTrue(changed.out().startsWith("2 leads re-decided, 2 would change"), changed.out());
        assertTrue(changed.out().contains(".currency: 2"), "grouped by the changed field: " + changed.out());
        assertTrue(changed.out().contains("\"EUR\""), "each with its after: " + changed.out());
        assertFalse(changed.out().contains("601234567"), "no full phone in a CI log: " + changed.out());

        CliTest.Run bad = CliTest.run("impact", "--data", dir.resolve("nowhere").toString(), candidate.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("no journal under"), bad.err());
    }
}
