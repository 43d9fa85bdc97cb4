package io.leadflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.testing.RuleTestRunner;
import io.leadflow.dsl.testing.TestReport;
import io.leadflow.spi.ConnectorCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples and the README's rule file, against every connector on the class path (the
 * real schemas, as `leadflow check` and `serve` see them): they compile and their tests pass.
 */
class ReadmeAndExamplesTest {
    private static final ConnectorCatalog CATALOG = ConnectorCatalog.discover();

    @Test
    void everyExample_compilesAgainstTheRealConnectorSchemas_andItsRuleTestsPass() {
        CompileResult compiled = Leadflow.compiler(CATALOG).compile(List.of(Path.of(".")));
        assertTrue(compiled.ok(), compiled.render());
        TestReport report = new RuleTestRunner(Leadflow.compiler(CATALOG), 0, 0).run(List.of(Path.of(".")));
        assertTrue(report.passed() >= 20, report.render(true));
        assertEquals(0, report.failed(), report.render(true));
    }

    /**
     * Every flow of every example keeps the built-in properties of {@code leadflow test} (no
     * evaluation error, no text rendering null, no empty template hole over a field its source does
     * not always send, no required field left out, every value fits its field) over generated leads
     * and CRM states, under several fixed seeds so the build is repeatable.
     */
    @Test
    void everyExample_holdsTheBuiltInProperties_overGeneratedLeads() {
        for (long seed : new long[] {20261203L, 1L, 2L}) {
            TestReport report = new RuleTestRunner(Leadflow.compiler(CATALOG), 1_000, seed).run(List.of(Path.of(".")));
            assertEquals(0, report.failed(), report.render(false));
            assertTrue(report.properties().size() >= 9, report.render(false));
            assertTrue(report.properties().stream().allMatch(p -> p.tries() == 1_000), report.render(false));
        }
    }

    @Test
    void readmeRuleFile_compiles_andItsTestPasses() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int section = readme.indexOf("## A rule file");
        int start = readme.indexOf("```\n", section) + 4;
        String flow = readme.substring(start, readme.indexOf("```", start));
        Map<String, String> sources = Map.of("README.md.flow", flow);
        CompileResult compiled = Leadflow.compiler(CATALOG).compileSources(sources);
        assertTrue(compiled.ok(), compiled.render());
        TestReport report = new RuleTestRunner(Leadflow.compiler(CATALOG), 500, 20261203L).runSources(sources);
        assertEquals(1, report.passed(), report.render(true));
        assertEquals(0, report.failed(), report.render(true));
    }
}
