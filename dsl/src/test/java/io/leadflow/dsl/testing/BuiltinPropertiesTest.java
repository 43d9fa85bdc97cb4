package io.leadflow.dsl.testing;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.LeadflowCompiler;
import io.leadflow.dsl.TestCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in properties of {@code leadflow test}: generated leads from the source's payload
 * schema, checked for every flow without the user writing anything, with a shrunk counterexample
 * printed as a test block that compiles and passes when pasted beside the rules.
 */
class BuiltinPropertiesTest {
    private static final LeadflowCompiler COMPILER = Leadflow.compiler(TestCatalog.examples());

    /** A Horoshop flow whose deal title reads a UTM field that Horoshop does not always send. */
    private static final String BROKEN = """
            flow "orders" {
              from horoshop.orders(account: "shop")
              to keepincrm(account: "main")
              phone lead.delivery_phone as UA
              drop when not phone.valid "no usable phone"
              find contact by phone
              when contact and deal.open -> task for deal.manager
              when contact -> create deal for contact.manager
              otherwise -> create contact, create deal
              contact { name <- substring(lead.delivery_name, 0, 100)  phone <- phone }
              deal { title <- "Order {lead.order_id}"  comment <- "UTM {lead.analytics.utm_source}" }
              task { title <- "Repeat order {lead.order_id}" }
            }
            """;

    /** The same flow with a default for the UTM field. */
    private static final String FIXED = BROKEN.replace("{lead.analytics.utm_source}", "{lead.analytics.utm_source ?? 'direct'}");

    private static TestReport run(String text, long seed) {
        return new RuleTestRunner(COMPILER, 300, seed).runSources(Map.of("orders.flow", text));
    }

    @Test
    void aTemplateHoleOverAFieldTheSourceDoesNotAlwaysSend_isCaught_withAShrunkCounterexample() {
        TestReport r = run(BROKEN, 42);
        assertFalse(r.ok(), r.render(false));
        PropertyOutcome p = r.properties().get(0);
        assertEquals("no template hole is sent empty", p.property().orElseThrow(), p.render());
        assertTrue(p.detail().contains("{lead.analytics.utm_source}"), p.detail());
        assertTrue(p.detail().contains("orders.flow:11:"), p.detail());
        // Shrunk: the lead keeps only what the failure needs (a valid phone; the fields Horoshop always
        // sends stay, with small values), no analytics.
        assertTrue(p.example().contains("lead { "), p.example());
        assertTrue(p.example().contains("\"order_id\": "), p.example());
        assertTrue(p.example().contains("\"analytics\": { }"), p.example());
        assertTrue(p.example().contains("\"delivery_city\": \"a\""), p.example());
        assertTrue(p.example().contains("expect create deal { \"title\": \"Order 1\", \"comment\": \"UTM \" }"), p.example());
        assertTrue(r.render(false).contains("1 failed"), r.render(false));
    }

    @Test
    void theCounterexample_isATestBlockThatCompilesAndPasses_whenPastedBesideTheRules() {
        PropertyOutcome p = run(BROKEN, 7).properties().get(0);
        assertFalse(p.held());
        TestReport pasted = new RuleTestRunner(COMPILER, 0, 0).runSources(Map.of("orders.flow", BROKEN + "\n" + p.example()));
        assertEquals("", pasted.compileErrors(), p.example());
        assertEquals(1, pasted.passed(), pasted.render(true) + "\n" + p.example());
        assertTrue(pasted.ok(), pasted.render(true));
    }

    @Test
    void theSameSeed_givesTheSameRun_andTheReportNamesIt() {
        PropertyOutcome a = run(BROKEN, 123).properties().get(0);
        PropertyOutcome b = run(BROKEN, 123).properties().get(0);
        assertEquals(a, b);
        assertTrue(a.render().contains("--seed 123"), a.render());
    }

    @Test
    void theFixedFlow_holds() {
        TestReport r = run(FIXED, 42);
        assertTrue(r.ok(), r.render(false));
        assertEquals(1, r.properties().size());
        assertTrue(r.properties().get(0).held());
        assertTrue(r.render(false).contains("properties: 1/1 held over 300 generated leads (seed 42)"), r.render(false));
    }

    @Test
    void aValueLongerThanTheTargetFieldAllows_isCaught() {
        // The test KeepinCRM schema allows 50 characters of title; a buyer's name can be longer.
        String longTitle = FIXED.replace("\"Order {lead.order_id}\"", "\"Order from {lead.delivery_name}\"");
        PropertyOutcome p = run(longTitle, 42).properties().get(0);
        assertEquals("every value fits its field", p.property().orElseThrow(), p.render());
        assertTrue(p.detail().contains("holds at most 50 characters"), p.detail());
    }

    @Test
    void aRequiredFieldThatEvaluatesToNull_isCaught() {
        String nullTitle = FIXED.replace("\"Order {lead.order_id}\"", "lead.analytics.utm_campaign");
        PropertyOutcome p = run(nullTitle, 42).properties().get(0);
        assertEquals("no required field is left out", p.property().orElseThrow(), p.render());
        assertTrue(p.detail().contains("field 'title' is required to create"), p.detail());
    }

    @Test
    void anEvaluationError_isCaught() {
        // A regex built from the lead: some generated names are not valid patterns.
        String regex = FIXED.replace("\"Order {lead.order_id}\"",
                "\"Order {lead.order_id}\" ?? matches(\"x\", lead.delivery_name)");
        TestReport r = run(regex, 42);
        // Either the rules stay total and error-free over the generated leads, or the failure names an evaluation error.
        r.properties().stream().filter(p -> !p.held()).forEach(p -> assertEquals("the rules evaluate without an error", p.property().orElseThrow(), p.render()));
    }

    @Test
    void zeroTries_runsTheTestBlocksOnly() {
        TestReport r = new RuleTestRunner(COMPILER, 0, 1).runSources(Map.of("orders.flow", BROKEN));
        assertTrue(r.ok(), r.render(false));
        assertEquals(List.of(), r.properties());
    }


    @Test
    void aRuleThatNoGeneratedLeadReaches_isNamed_asAWarning() {
        // A status the shop never sends in this shape: the rule is reachable for the checker, not in practice.
        String never = FIXED.replace("when contact and deal.open -> task for deal.manager",
                "when contact and deal.open and lead.stat_status == \"vip\" -> task for deal.manager\n  when contact and deal.open -> skip \"open deal\"");
        TestReport r = run(never, 42);
        String out = r.render(false);
        assertTrue(out.contains("warning: no generated lead reached orders.flow:7:3 when rule (flow \"orders\")"), out);
        assertFalse(out.contains("warning: no generated lead reached orders.flow:8:3"), out);
        assertTrue(r.ok(), out);
    }
}
