package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.LeadflowCompiler;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.ReplayVersion;
import io.leadflow.spi.ConnectorCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ORIGINAL replay after a restart: the first version's rule texts come back from the journal and decide again. */
class ReplayOriginalTest {
    static final LeadflowCompiler COMPILER = Leadflow.compiler(ConnectorCatalog.discover());

    @TempDir
    Path dir;
    Harness h;

    @AfterEach
    void close() {
        if (h != null) h.close();
    }

    static CompileResult version(String verdict) {
        CompileResult r = COMPILER.compileSources(Map.of("rules/orders.flow", """
                flow "orders" {
                  from site.form
                  to keepincrm
                  phone lead.phone as UA
                  find contact by phone
                  otherwise -> skip "%s"
                }
                """.formatted(verdict)));
        assertTrue(r.program().isPresent(), r.diagnostics().toString());
        return r;
    }

    private Harness start(Program program, RuleRecompiler recompiler) {
        h = new Harness(dir, Clock.systemUTC(), new ProgramHolder(program));
        h.registry = (connector, account) -> connector.equals("keepincrm") ? Optional.of(h.crm) : Optional.empty();
        h.recompiler = recompiler;
        return h.start();
    }

    @Test
    void originalReplayAfterRestart_isDecidedByTheStoredFirstVersion() {
        CompileResult a = version("decided by A");
        CompileResult b = version("decided by B");
        String hashA = a.program().get().contentHash();
        start(a.program().get(), null);
        Await.result(h.journal.ledger().storeRules(hashA, a.sources()));
        String id = h.append("orders", "{\"phone\":\"0671234567\"}");
        assertEquals(hashA, h.await(id, LeadStatus.DONE).summary().ruleVersion());
        h.close();

        start(b.program().get(), COMPILER::compileSources);
        assertNotEquals(hashA, h.programs.current().contentHash());
        Await.result(h.journal.requestReplay(id, ReplayVersion.ORIGINAL));
        LeadDetail d = h.await(id, LeadStatus.DONE);
        assertEquals(hashA, d.summary().ruleVersion());
        assertTrue(d.traceJson().contains("decided by A") && !d.traceJson().contains("decided by B"), d.traceJson());
        assertEquals(b.program().get().contentHash(), h.programs.current().contentHash(), "B stays in force");
    }

    @Test
    void originalReplayOfAVersionNeverStored_deadLettersWithTheReason() {
        CompileResult a = version("decided by A");
        start(a.program().get(), null);
        String id = h.append("orders", "{\"phone\":\"0671234567\"}");
        h.await(id, LeadStatus.DONE);
        h.close();

        start(version("decided by B").program().get(), COMPILER::compileSources);
        Await.result(h.journal.requestReplay(id, ReplayVersion.ORIGINAL));
        LeadDetail d = h.await(id, LeadStatus.DEAD);
        assertTrue(d.summary().reason().contains("is neither loaded nor stored"), d.summary().reason());
    }
}
