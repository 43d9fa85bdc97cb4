package io.leadflow.dsl.compile;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.LeadflowCompiler;
import io.leadflow.dsl.TestCatalog;
import io.leadflow.dsl.diag.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhasesTest {

    static Phase recording(String name, List<String> log, boolean fail) {
        return new Phase() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(CompileContext ctx) {
                log.add(name);
                if (fail) ctx.diagnostics().error(Code.LF501, "from " + name, new io.leadflow.dsl.SourceSpan("x", 1, 1, 1, 1));
            }
        };
    }

    @Test
    void phases_runInOrder_andExtraPhasesGoWhereAsked() {
        LeadflowCompiler c = Leadflow.compiler(TestCatalog.catalog());
        // Leadflow.compiler adds the decisions phase (io.leadflow.dsl.decide) before plan-graph.
        assertEquals(List.of("load", "resolve-names", "check-types", "check-schema", "check-sources", "check-schedules",
                        "check-decisions", "plan-graph", "build"),
                c.phases().stream().map(Phase::name).toList());
        List<String> log = new ArrayList<>();
        LeadflowCompiler more = c.withPhaseBefore("build", recording("decide", log, false)).withPhaseAfter("load", recording("early", log, false));
        assertEquals(List.of("load", "early", "resolve-names", "check-types", "check-schema", "check-sources", "check-schedules",
                        "check-decisions", "plan-graph", "decide", "build"),
                more.phases().stream().map(Phase::name).toList());
        assertTrue(more.compileSources(Map.of("a.flow", "let x = 1")).ok());
        assertEquals(List.of("early", "decide"), log);
    }

    @Test
    void compilation_stopsAfterAPhaseWithErrors() {
        List<String> log = new ArrayList<>();
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).withPhaseAfter("load", recording("bad", log, true))
                .withPhaseAfter("bad", recording("never", log, false)).compileSources(Map.of("a.flow", "let x = 1"));
        assertFalse(r.ok());
        assertEquals(List.of("bad"), log);
    }
}
