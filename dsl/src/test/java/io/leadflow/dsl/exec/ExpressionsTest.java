package io.leadflow.dsl.exec;

import static io.leadflow.dsl.ExprHarness.eval;
import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.dsl.ExprHarness;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    @Test
    void missingFields_readAsNull() {
        assertNull(eval("lead.a.b[3].c", "{\"a\": 1}"));
    }

    @Test
    void templateHole_thatIsNull_rendersEmpty() {
        assertEquals("\"[]\"", eval("\"[{lead.nope}]\"").toString());
    }

    @Test
    void precedence_followsTheGrammar() {
        assertEquals("7", eval("1 + 2 * 3").toString());
        assertEquals("true", eval("not 1 in [2] and 2 > 1").toString());
        assertEquals("3", eval("lead.x ?? 1 + 2").toString());
    }

    @Test
    void numericText_comparesWithNumbers() {
        assertEquals("true", eval("lead.s == 4", "{\"s\": \"4\"}").toString());
        assertEquals("true", eval("lead.s > 3.5", "{\"s\": \"4\"}").toString());
    }

    @Test
    void plus_joinsText_andAddsNumbers() {
        assertEquals("\"Order 5\"", eval("'Order ' + 5").toString());
        assertEquals("0.3", eval("0.1 + 0.2").toString());
        assertNull(eval("number(lead.n) + 1"));
    }

    @Test
    void divisionByZero_isNull() {
        assertNull(eval("1 / 0"));
        assertEquals("2.5", eval("5 / 2").toString());
    }

    @Test
    void in_worksOnListsObjectsAndText() {
        assertEquals("true", eval("'b' in ['a', 'b']").toString());
        assertEquals("true", eval("'k' in {k: 1}").toString());
        assertEquals("true", eval("'ell' in 'hello'").toString());
        assertEquals("true", eval("'x' not in ['a']").toString());
    }

    @Test
    void objectLiteral_leavesOutNullValues() {
        assertEquals("{\"a\":1}", eval("{a: 1, b: lead.nope}").toString());
    }

    @Test
    void templatesExpand_withNamedArguments() {
        var r = io.leadflow.dsl.Leadflow.compiler(io.leadflow.dsl.TestCatalog.catalog()).compileSources(java.util.Map.of("t.flow",
                "template hi(a, b) = \"{a}-{b}\"\nflow \"f\" { from site.x to keepincrm let v = hi(b: 2, a: 1) }"));
        assertTrue(r.ok(), r.render());
        var flow = (FlowProgram) r.program().orElseThrow().flows().get(0);
        assertEquals("\"1-2\"", flow.prepare(ExprHarness.JSON.createObjectNode(), ExprHarness.CLOCK).slot(0).toString());
    }
}
