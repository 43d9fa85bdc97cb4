package io.leadflow.dsl.exec;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.ExprHarness;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.Program;
import io.leadflow.dsl.RuleBudgetExceededException;
import io.leadflow.dsl.TestCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowProgramTest {
    static final String FLOW = """
            flow "site" {
              from site.form(account: "s1")
              to keepincrm(account: "main")
              delay 1m
              phone lead.phone as UA
              drop when lead.test "test lead"
              keep when phone.valid "no usable phone"
              contact { name <- lead.name  phone <- phone }
              products from lead.items as item { sku <- item.sku }
            }
            schedule "prices" every 4h at "03:00" { log(message: "prices") }
            """;

    static Program program(String text) {
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("f.flow", text));
        assertTrue(r.ok(), r.render());
        return r.program().orElseThrow();
    }

    static ObjectNode lead(String json) throws Exception {
        return (ObjectNode) ExprHarness.JSON.readTree(json);
    }

    @Test
    void evaluate_dropsWithTheFilterReason() throws Exception {
        Flow f = program(FLOW).flow("site").orElseThrow();
        assertEquals("test lead", f.evaluate(lead("{\"test\": true, \"phone\": \"0671234567\"}"), ExprHarness.CLOCK).dropReason().orElseThrow());
        assertEquals("no usable phone", f.evaluate(lead("{\"phone\": \"12\"}"), ExprHarness.CLOCK).dropReason().orElseThrow());
        Evaluation ok = f.evaluate(lead("{\"phone\": \"067 123 45 67\"}"), ExprHarness.CLOCK);
        assertTrue(ok.dropReason().isEmpty());
        assertEquals("phone:+380671234567", ok.contactKey());
        assertEquals(2, ok.trace().steps().size());
        assertTrue(ok.lookup().isEmpty());
    }

    @Test
    void flowFacts_comeFromTheDeclarations() {
        Program p = program(FLOW);
        Flow f = p.flow("site").orElseThrow();
        assertEquals("site.form", f.source());
        assertEquals("s1", f.sourceArgs().get("account"));
        assertEquals("keepincrm", f.connector());
        assertEquals("main", f.account());
        assertEquals(java.time.Duration.ofMinutes(1), f.delay());
        Program.Schedule s = p.schedules().get(0);
        assertEquals("log", s.job());
        assertEquals(java.time.Duration.ofHours(4), s.every());
        assertEquals("03:00", s.at());
        assertEquals("prices", s.args().get("message"));
    }

    @Test
    void contentHash_changesWithTheText() {
        assertEquals(program(FLOW).contentHash(), program(FLOW).contentHash());
        assertNotEquals(program(FLOW).contentHash(), program(FLOW + "\n").contentHash());
    }

    @Test
    void products_goInsideTheDeal() throws Exception {
        ObjectNode out = program(FLOW).flow("site").orElseThrow().map(lead("{\"items\": [{\"sku\": \"a\"}, {}]}"), ExprHarness.CLOCK);
        assertEquals("[{\"sku\":\"a\"},{}]", out.get("deal").get("products").toString());
    }

    @Test
    void stepBudget_stopsAHugeList_withThePosition() throws Exception {
        ObjectNode lead = lead("{}");
        ArrayNode items = lead.putArray("items");
        for (int i = 0; i < 120_000; i++) items.addObject().put("sku", i);
        Flow f = program(FLOW).flow("site").orElseThrow();
        RuleBudgetExceededException e = assertThrows(RuleBudgetExceededException.class, () -> f.map(lead, ExprHarness.CLOCK));
        assertEquals(io.leadflow.dsl.DiagnosticCode.LF901, e.code());
        assertEquals(RuleBudgetExceededException.CODE, e.code());
        assertEquals(100_000, e.budget());
        assertTrue(e.getMessage().startsWith("f.flow:9:3: LF901"), e.getMessage());
        assertTrue(e.getMessage().contains("flow \"site\""), e.getMessage());
    }

    @Test
    void decide_withoutRules_createsTheMappedContactAndDeal() throws Exception {
        // Decisions are compiled by the decisions phase; a flow without rules creates what it maps.
        Flow f = program(FLOW).flow("site").orElseThrow();
        Evaluation ev = f.evaluate(lead("{\"phone\": \"067 123 45 67\", \"name\": \"Olena\"}"), ExprHarness.CLOCK);
        var d = f.decide(ev, null, io.leadflow.dsl.ManagerState.EMPTY, ExprHarness.CLOCK);
        assertEquals(java.util.List.of("create contact", "create deal"), d.effects().stream().map(e -> e.describe()).toList());
        assertEquals("Olena", d.effects().get(0).fields().get("name").asText());
    }

    @Test
    void decide_withoutRules_mappingOnlyAContact_createsOnlyTheContact() throws Exception {
        // seed 004's customers flow: a deal with no fields would be refused after the contact was written
        Flow f = program("""
                flow "customers" {
                  from site.form
                  to keepincrm
                  contact { name <- lead.name  phone <- lead.phone }
                }
                """).flow("customers").orElseThrow();
        Evaluation ev = f.evaluate(lead("{\"phone\": \"067 123 45 67\", \"name\": \"Olena\"}"), ExprHarness.CLOCK);
        var d = f.decide(ev, null, io.leadflow.dsl.ManagerState.EMPTY, ExprHarness.CLOCK);
        assertEquals(java.util.List.of("create contact"), d.effects().stream().map(e -> e.describe()).toList());
    }

    @Test
    void brokenFile_reportsEveryError_withCarets() {
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("b.flow", """
                flow "b" {
                  from site.x
                  to keepincrm
                  contact { name <- lowr(lead.name)  email <- lead.email  phone <- nope }
                  deal { title <- lead.title  total <- totl }
                }
                """));
        assertFalse(r.ok());
        String out = r.render();
        assertEquals(3, r.diagnostics().size(), out); // all name errors at once; type checks run once names are clean
        assertTrue(out.contains("b.flow:4:21: error LF202: unknown function 'lowr'; did you mean 'lower'?"), out);
        assertTrue(out.contains("\n  contact { name <- lowr(lead.name)"), out);
        assertTrue(out.contains("\n                    ^^^^^^^^^^^^^^^"), out);
        assertTrue(out.contains("b.flow:4:68: error LF201: unknown name 'nope'"), out);
        assertTrue(out.contains("b.flow:5:40: error LF201: unknown name 'totl'"), out);
    }

    @Test
    void absurdNesting_isADiagnostic_notAStackOverflow() {
        String deep = "let x = " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + "\n";
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("d.flow", deep));
        assertFalse(r.ok());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code() == io.leadflow.dsl.DiagnosticCode.LF107), r.render());
        assertTrue(io.leadflow.dsl.fmt.Formatter.format("d.flow", deep).text().isEmpty());
    }
}
