package io.leadflow.dsl.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.testing.RuleTestRunner;
import io.leadflow.dsl.testing.TestReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The docs' examples: every test block beside the rules passes, and every rule and filter is
 * exercised. Against the fixture schemas (TestCatalog), whose field limits are not the real ones,
 * so the built-in properties are not run here (examples/ReadmeAndExamplesTest runs them against
 * the real connector schemas).
 */
class ExampleRuleTestsTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private static TestReport run(String dir) {
        return new RuleTestRunner(DecideCatalog.examples(), 0, 0).run(List.of(EXAMPLES.resolve(dir)));
    }

    @Test
    void leadBoxMatrixAndOptions_allTestsPassAndCoverEveryRule() {
        TestReport r = run("horoshop-keepincrm");
        String out = r.render(true);
        assertTrue(r.ok(), out);
        assertEquals(18, r.passed(), out);
        assertEquals(List.of(), r.coverage().missedRules(), out);
        assertEquals(List.of(), r.coverage().missedFilters(), out);
    }

    @Test
    void calltouchRetailMatrix_allTestsPassAndCoverEveryRule() {
        TestReport r = run("calltouch-retailcrm");
        String out = r.render(true);
        assertTrue(r.ok(), out);
        assertEquals(21, r.passed(), out);
        assertEquals(List.of(), r.coverage().missedRules(), out);
        assertEquals(List.of(), r.coverage().missedFilters(), out);
        assertTrue(out.endsWith("21 passed, 0 failed\n"), out);
    }

    @Test
    void everyExampleTogether_passesAndCoversEveryRuleAndFilter() {
        TestReport r = new RuleTestRunner(DecideCatalog.examples(), 0, 0).run(List.of(EXAMPLES));
        String out = r.render(false);
        assertTrue(r.ok(), out);
        assertEquals(86, r.passed(), out);
        assertEquals(List.of(), r.coverage().missedRules(), out);
        assertEquals(List.of(), r.coverage().missedFilters(), out);
        assertTrue(!out.contains("not exercised: ") && out.endsWith("86 passed, 0 failed\n"), out);
    }
}
