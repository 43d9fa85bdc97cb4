package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.spi.ConnectorCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A really compiled flow whose when rule runs past the step budget: a dead letter, and the engine goes on. */
class CompiledBudgetTest {
    static final String FLOW = """
            flow "b" {
              from site.form
              to keepincrm
              phone lead.phone as UA
              find contact by phone
              when join(lead.items, ",") == join(lead.items, ";") -> skip "x"
              otherwise -> skip "small"
            }
            """;

    @TempDir
    Path dir;
    Harness h;

    @AfterEach
    void close() {
        if (h != null) h.close();
    }

    @Test
    void whenRuleOverBudget_deadLettersWithReason_andTheNextLeadRuns() {
        CompileResult compiled = Leadflow.compiler(ConnectorCatalog.discover()).compileSources(Map.of("b.flow", FLOW));
        assertTrue(compiled.program().isPresent(), compiled.diagnostics().toString());
        h = new Harness(dir, Clock.systemUTC(), new ProgramHolder(compiled.program().get()));
        h.registry = (connector, account) -> connector.equals("keepincrm") ? Optional.of(h.crm) : Optional.empty();
        h.start();
        StringBuilder items = new StringBuilder();
        // 60,000 items twice: over the 100,000-step budget, yet within the intake limits the executor also applies
        for (int i = 0; i < 60_000; i++) items.append(i == 0 ? "" : ",").append(i % 10);
        LeadDetail dead = h.await(h.append("b", "{\"id\":1,\"phone\":\"0671234567\",\"items\":[" + items + "]}"), LeadStatus.DEAD);
        assertTrue(dead.summary().reason().startsWith("rule budget exceeded in flow b: "), dead.summary().reason());
        assertTrue(dead.summary().reason().contains("LF901"), dead.summary().reason());
        LeadDetail next = h.await(h.append("b", "{\"id\":2,\"phone\":\"0671234568\",\"items\":[1,2]}"), LeadStatus.DONE);
        assertEquals(LeadStatus.DONE, next.summary().status());
    }
}
