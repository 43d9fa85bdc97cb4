package io.leadflow.dsl.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.ExprHarness;
import io.leadflow.dsl.RuleException;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 point 13: a pattern's expansion is bounded before RE2/J compiles it, so
 * {@code ((a{1000}){1000}){1000}} (about 10^9 instructions, an OutOfMemoryError in RE2/J) is a
 * diagnostic at compile time, and the same pattern taken from a lead fails that lead with LF305
 * instead of taking the heap. Ordinary patterns are untouched.
 */
class RegexBoundsTest {
    static final String BOMB = "((a{1000}){1000}){1000}";

    @Test
    void constantBomb_isCompileErrorLF305_notAnOutOfMemoryError() {
        CompileResult r = ExprHarness.compile("matches(lead.x, '" + BOMB + "')");
        assertFalse(r.ok());
        assertEquals(io.leadflow.dsl.DiagnosticCode.LF305, r.diagnostics().get(0).code(), r.render());
        assertTrue(r.diagnostics().get(0).message().contains("too large"), r.render());
    }

    @Test
    void bombTakenFromTheLead_failsThatLeadWithLF305() {
        RuleException e = assertThrows(RuleException.class,
                () -> ExprHarness.eval("replace(lead.x, lead.re, '')", "{\"x\":\"aaa\",\"re\":\"" + BOMB + "\"}"));
        assertEquals(io.leadflow.dsl.DiagnosticCode.LF305, e.code());
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void ordinaryPatterns_stillCompileAndMatch() {
        assertEquals("true", ExprHarness.eval("matches('0671234567', '^0[0-9]{9}$')").toString());
        assertEquals("true", ExprHarness.eval("matches(lead.p, lead.re)", "{\"p\":\"ab12\",\"re\":\"^[a-z]{1,1000}[0-9]+$\"}").toString());
        assertEquals("\"x\"", ExprHarness.eval("replace('a{2}', 'a\\\\{2\\\\}', 'x')").toString());
    }

    @Test
    void estimate_multipliesNestedCounts_andNeverUndercounts() {
        assertTrue(RegexSize.estimate(BOMB) >= 1_000_000_000L);
        assertTrue(RegexSize.estimate("(x{100}){100}") >= 10_000);
        assertTrue(RegexSize.estimate("[0-9]{3}-[0-9]{2}") >= 5);
        assertTrue(RegexSize.estimate("^\\+?[0-9() -]{7,20}$") < 100);
        assertTrue(RegexSize.estimate("(?i)(?P<n>ab|cd){3,}") >= 12);
        assertTrue(RegexSize.estimate("a{,5}") < 10, "not a repetition in RE2: a literal brace");
    }
}
