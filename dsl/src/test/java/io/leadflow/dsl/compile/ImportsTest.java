package io.leadflow.dsl.compile;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.ExprHarness;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportsTest {

    static CompileResult compile(Map<String, String> files) {
        return Leadflow.compiler(TestCatalog.catalog()).compileSources(files);
    }

    @Test
    void importedTablesAndTemplates_areVisible_transitively() throws Exception {
        CompileResult r = compile(Map.of(
                "rules/main.flow", "import \"shared/names.flow\"\nflow \"m\" { from site.a to keepincrm contact { name <- hi(stages[lead.s]) } }",
                "rules/shared/names.flow", "import \"tables.flow\"\ntemplate hi(x) = \"Hi {x}\"",
                "rules/shared/tables.flow", "table stages { 1 -> 'one', default -> 'other' }"));
        assertTrue(r.ok(), r.render());
        var out = r.program().orElseThrow().flow("m").orElseThrow().map(ExprHarness.JSON.readTree("{\"s\": 1}"), ExprHarness.CLOCK);
        assertEquals("Hi one", out.get("contact").get("name").asText());
        assertEquals(3, r.sources().size());
    }

    @Test
    void aFolderGivenWithDotSegments_andAnImportOfOneOfItsFiles_nameOneFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("calls.flow"), "flow \"m\" { from site.a to keepincrm contact { name <- lead.n } }");
        java.nio.file.Files.writeString(dir.resolve("calls_test.flow"), "import \"calls.flow\"\n");
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compile(java.util.List.of(dir.resolve(".")));
        assertTrue(r.ok(), r.render());
        assertEquals(2, r.sources().size(), r.sources().keySet().toString());
    }

    @Test
    void withoutTheImport_theNameIsUnknown() {
        CompileResult r = compile(Map.of(
                "a.flow", "flow \"m\" { from site.a to keepincrm contact { name <- stages[1] } }",
                "b.flow", "table stages { 1 -> 'one' }"));
        assertEquals(io.leadflow.dsl.DiagnosticCode.LF206, r.diagnostics().get(0).code());
    }

    @Test
    void importCycle_isReported_withThePath() {
        CompileResult r = compile(Map.of("a.flow", "import \"b.flow\"\n", "b.flow", "import \"a.flow\"\n"));
        assertFalse(r.ok());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code() == io.leadflow.dsl.DiagnosticCode.LF205 && d.message().contains("a.flow -> b.flow -> a.flow")),
                r.render());
    }

    @Test
    void missingImport_isReportedAtTheImport() {
        CompileResult r = compile(Map.of("a.flow", "\nimport \"nope.flow\"\n"));
        assertEquals(io.leadflow.dsl.DiagnosticCode.LF204, r.diagnostics().get(0).code());
        assertEquals(2, r.diagnostics().get(0).span().line());
    }

    @Test
    void sameNameInTwoVisibleFiles_isADuplicate() {
        CompileResult r = compile(Map.of("a.flow", "import \"b.flow\"\ntable t { 1 -> 2 }", "b.flow", "table t { 1 -> 3 }"));
        assertEquals(io.leadflow.dsl.DiagnosticCode.LF203, r.diagnostics().get(0).code());
    }
}
