package io.leadflow.dsl.compile;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.TestCatalog;
import io.leadflow.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhasesTest {

    record Step(String name, List<String> log, boolean fail) implements Phase<Integer, Integer> {
        @Override
        public Integer run(Integer input, Diagnostics sink) {
            log.add(name + ":" + input);
            if (fail) throw new IllegalStateException("boom");
            return input + 1;
        }
    }

    static final SourceSpan AT = new SourceSpan("x.flow", 1, 1, 1, 1);

    @Test
    void compiler_runsTheLiteralPhaseList_inOrder() {
        assertEquals(List.of("load", "resolve-names", "check-types", "check-schema", "check-account", "check-sources", "check-schedules",
                        "check-decisions", "plan-graph", "build"),
                Leadflow.compiler(TestCatalog.catalog()).phases());
    }

    @Test
    void pipeline_handsEachProductToTheNext() {
        List<String> log = new ArrayList<>();
        var p = Pipeline.of(new Step("a", log, false)).then(new Step("b", log, false)).then(new Step("c", log, false));
        Diagnostics sink = new Diagnostics();
        assertEquals(13, p.run(10, sink, AT).orElseThrow());
        assertEquals(List.of("a:10", "b:11", "c:12"), log);
        assertEquals(List.of("a", "b", "c"), p.names());
        assertFalse(sink.hasErrors());
    }

    @Test
    void aFailingPhase_isAnInternalErrorWithItsOwnCode_andEndsTheRun() {
        List<String> log = new ArrayList<>();
        Diagnostics sink = new Diagnostics();
        var p = Pipeline.of(new Step("a", log, true)).then(new Step("b", log, false));
        assertTrue(p.run(1, sink, AT).isEmpty());
        assertEquals(List.of("a:1"), log);
        assertEquals(DiagnosticCode.LF000, sink.all().get(0).code());
        assertTrue(sink.all().get(0).message().contains("phase a"), sink.all().get(0).message());
    }

    @Test
    void everyCheckingPhaseRuns_evenAfterAnEarlierPhaseFoundErrors() {
        // a syntax error in one file (load), an unknown name (resolve-names), a type error (check-types)
        // and an unknown field (check-schema) in another: all four at once, and no program.
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of(
                "bad.flow", "flow \"x\" {",
                "f.flow", """
                        flow "f" {
                          from site.orders
                          to keepincrm
                          deal {
                            title <- nope
                            total <- [1] * 2
                            colour <- "red"
                          }
                        }
                        """));
        assertFalse(r.ok());
        List<DiagnosticCode> codes = r.diagnostics().stream().map(d -> d.code()).toList();
        assertEquals(List.of(DiagnosticCode.LF101, DiagnosticCode.LF201, DiagnosticCode.LF301, DiagnosticCode.LF402), codes, r.render());
    }
}
