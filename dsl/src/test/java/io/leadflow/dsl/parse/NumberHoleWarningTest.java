package io.leadflow.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.ExprHarness;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 point 14: {@code "^[0-9]{3}$"} in double quotes is a template whose hole holds 3, so
 * the pattern silently reads {@code ^[0-9]3$}. The compiler warns (LF108) with the fix; a
 * single-quoted pattern or a hole holding a name is not warned about.
 */
class NumberHoleWarningTest {

    @Test
    void holeHoldingOnlyANumber_isWarnedWithTheFix() {
        CompileResult r = ExprHarness.compile("matches(lead.zip, \"^[0-9]{3}$\")");
        assertTrue(r.ok(), "a warning, not an error: " + r.render());
        Diagnostic d = r.diagnostics().stream().filter(x -> x.code() == io.leadflow.dsl.DiagnosticCode.LF108).findFirst().orElseThrow(() -> new AssertionError(r.render()));
        assertEquals(Diagnostic.Severity.WARNING, d.severity());
        assertTrue(d.message().contains("single quotes"), d.message());
        assertEquals(36, d.span().column(), r.render());  // the caret is on {3}
    }

    @Test
    void singleQuotedPatternAndNameHoles_areNotWarned() {
        assertTrue(ExprHarness.compile("matches(lead.zip, '^[0-9]{3}$')").diagnostics().isEmpty());
        assertTrue(ExprHarness.compile("\"Order {lead.id}\"").diagnostics().isEmpty());
    }
}
