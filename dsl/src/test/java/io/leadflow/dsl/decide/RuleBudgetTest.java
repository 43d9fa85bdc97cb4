package io.leadflow.dsl.decide;

import static io.leadflow.dsl.decide.DecideTest.MONDAY;
import static io.leadflow.dsl.decide.DecideTest.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.RuleBudgetExceededException;
import io.leadflow.dsl.RuleException;
import io.leadflow.spi.record.Found;
import org.junit.jupiter.api.Test;

/** A budget breach surfaces as {@link RuleBudgetExceededException} from every entry point, named with flow and lead. */
class RuleBudgetTest {
    static final String FLOW = """
            flow "b" {
              from site.form
              to keepincrm
              phone lead.phone as UA
              drop when join(lead.tags, ",") == "spam" "spam"
              find contact by phone
              when join(lead.items, ",") == "x" -> skip "x"
              otherwise -> skip "y"
            }
            """;

    static ObjectNode withList(String list, int n) throws Exception {
        ObjectNode lead = DecideTest.lead("{\"id\": 42, \"phone\": \"0671234567\"}");
        ArrayNode a = lead.putArray(list);
        for (int i = 0; i < n; i++) a.add(i);
        return lead;
    }

    @Test
    void breachInAFilter_isTheBudgetTypeFromEvaluate() throws Exception {
        Flow f = flow(FLOW);
        ObjectNode big = withList("tags", 150_000);
        RuleBudgetExceededException e = assertThrows(RuleBudgetExceededException.class, () -> f.evaluate(big, MONDAY));
        assertEquals(io.leadflow.dsl.DiagnosticCode.LF901, e.code());
        assertTrue(e.getMessage().contains("(flow \"b\", lead 42)"), e.getMessage());
    }

    @Test
    void breachInAWhenRule_isTheBudgetTypeFromDecide() throws Exception {
        Flow f = flow(FLOW);
        Evaluation ev = f.evaluate(withList("items", 150_000), MONDAY);
        RuleBudgetExceededException e = assertThrows(RuleBudgetExceededException.class,
                () -> f.decide(ev, Found.NOTHING, ManagerState.EMPTY, MONDAY));
        assertEquals(7, e.span().line());
        assertTrue(e.getMessage().contains("lead 42"), e.getMessage());
    }

    @Test
    void otherRuleErrors_areNotTheBudgetType() throws Exception {
        Flow f = flow(FLOW.replace("join(lead.tags, \",\") == \"spam\"", "replace(lead.name, lead.re, \"x\") == \"spam\""));
        RuleException e = assertThrows(RuleException.class, () -> f.evaluate(DecideTest.lead("{\"name\": \"a\", \"re\": \"(\"}"), MONDAY));
        assertTrue(!(e instanceof RuleBudgetExceededException), e.getMessage());
    }
}
