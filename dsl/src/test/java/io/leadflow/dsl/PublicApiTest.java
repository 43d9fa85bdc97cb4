package io.leadflow.dsl;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.spi.EntityKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the runtime needs of a compiled flow is on {@link Flow}, so it neither downcasts nor reaches into the compiler. */
class PublicApiTest {

    static Flow flow(String body) {
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("f.flow",
                "flow \"f\" {\n  from site.orders\n  to keepincrm\n" + body + "\n}\n"));
        assertTrue(r.ok(), r.render());
        return r.program().orElseThrow().flows().get(0);
    }

    @Test
    void writes_listsEveryMappedFieldPerEntity_inOrder() {
        Flow f = flow("  contact { name <- lead.name\n phone <- lead.phone }\n  deal { title <- \"t\"\n total <- 1 }");
        assertEquals(List.of("name", "phone"), List.copyOf(f.writes().get(EntityKind.CONTACT)));
        assertEquals(List.of("title", "total"), List.copyOf(f.writes().get(EntityKind.DEAL)));
        assertFalse(f.writes().containsKey(EntityKind.TASK));
        assertThrows(UnsupportedOperationException.class, () -> f.writes().clear());
    }

    @Test
    void graph_isOnTheFlow_andLeadflowGraphFindsItByName() {
        Flow f = flow("  deal { title <- \"t\"\n total <- 1 }");
        String dot = f.graph("dot").orElseThrow();
        assertTrue(dot.startsWith("digraph"), dot);
        assertNotEquals(dot, f.graph("mermaid").orElseThrow());
        Program p = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("f.flow",
                "flow \"f\" {\n  from site.orders\n  to keepincrm\n  deal { title <- \"t\"\n total <- 1 }\n}\n")).program().orElseThrow();
        assertEquals(Leadflow.graph(p, "f", "dot"), p.flows().get(0).graph("dot"));
        assertTrue(Leadflow.graph(p, "nope", "dot").isEmpty());
    }

    @Test
    void format_isPublic() {
        Formatted ok = Leadflow.format("f.flow", "let a=1\n");
        assertEquals("let a = 1\n", ok.text().orElseThrow());
        Formatted bad = Leadflow.format("f.flow", "flow {");
        assertTrue(bad.text().isEmpty());
        assertEquals(DiagnosticCode.LF101, bad.errors().get(0).code());
    }
}
