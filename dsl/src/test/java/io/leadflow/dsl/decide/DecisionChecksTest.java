package io.leadflow.dsl.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decisions checks by their stable codes, with positions. */
class DecisionChecksTest {

    static CompileResult compile(String to, String body) {
        // KeepinCRM requires a title to create an agreement or a task (LF404 when a rule creates one with no block)
        String blocks = !to.startsWith("keepincrm") ? ""
                : (body.contains("deal {") ? "" : "\n  deal { title <- \"x\" }") + (body.contains("task {") ? "" : "\n  task { title <- \"x\" }");
        String text = "flow \"f\" {\n  from site.form\n  to " + to + "\n" + body + blocks + "\n}\nmanagers sales = rotate [101, 102]\n";
        return DecideCatalog.compiler().compileSources(Map.of("f.flow", text));
    }

    static List<String> codes(CompileResult r) {
        return r.diagnostics().stream().map(d -> d.code().name()).toList();
    }

    static final String FIND = "  phone lead.phone as UA\n  drop when not phone.valid \"bad\"\n  find contact by phone, email\n";

    @Test
    void ruleAfterUnconditionalRule_isUnreachable() {
        CompileResult r = compile("keepincrm", FIND + "  when true -> create deal\n  when contact -> task\n  otherwise -> skip \"x\"");
        assertTrue(codes(r).contains("LF510"), r.render());
        Diagnostic d = r.diagnostics().stream().filter(x -> x.code() == io.leadflow.dsl.DiagnosticCode.LF510).findFirst().orElseThrow();
        assertEquals(8, d.span().line());
        assertTrue(d.message().contains("line 7"), d.message());
    }

    @Test
    void ruleSubsumedByAWeakerEarlierRule_isUnreachable() {
        CompileResult r = compile("keepincrm", FIND + "  when contact -> create deal\n  when contact and deal.open -> task\n  otherwise -> create contact, create deal");
        assertEquals(List.of("LF510"), codes(r), r.render());
    }

    @Test
    void contradictoryCondition_isUnreachable() {
        CompileResult r = compile("keepincrm", FIND + "  when deal.open and deal.closed -> task\n  otherwise -> skip \"x\"");
        assertTrue(codes(r).contains("LF510"), r.render());
        assertTrue(r.render().contains("never true"), r.render());
    }

    @Test
    void rulesWithoutOtherwiseMissingNoContact_areNotCovering() {
        CompileResult r = compile("keepincrm", FIND + "  when contact and deal.open -> task\n  when contact -> create deal");
        assertEquals(List.of("LF512"), codes(r), r.render());
        assertTrue(r.render().contains("no contact found"), r.render());
    }

    @Test
    void exhaustiveRulesOverPresence_needNoOtherwise() {
        CompileResult r = compile("keepincrm", FIND + "  when contact -> create deal\n  when not contact -> create contact, create deal");
        assertTrue(r.ok(), r.render());
        CompileResult unused = compile("keepincrm", FIND + "  when contact -> create deal\n  when not contact -> create contact, create deal\n  otherwise -> skip \"x\"");
        assertEquals(List.of("LF511"), codes(unused), unused.render());
        assertTrue(unused.ok());
    }

    @Test
    void leadAtomAndItsNegation_coverEveryCase() {
        CompileResult r = compile("keepincrm", FIND + "  when lead.vip == true -> create deal\n  when lead.vip != true -> skip \"x\"");
        assertTrue(r.ok(), r.render());
    }

    @Test
    void findOnBaselinker_isAClearError() {
        CompileResult r = compile("baselinker", FIND + "  when contact -> create deal\n  otherwise -> create deal");
        assertTrue(codes(r).contains("LF513"), r.render());
        assertTrue(r.render().contains("every lead creates a new order"), r.render());
    }

    @Test
    void taskOnKeyCrm_isRefused() {
        CompileResult r = compile("keycrm", "  phone lead.phone as UA\n  drop when not phone.valid \"bad\"\n  find contact by phone\n"
                + "  when contact -> task\n  otherwise -> create contact, create deal");
        assertEquals(List.of("LF514"), codes(r), r.render());
        assertTrue(r.render().contains("cannot create tasks"), r.render());
    }

    @Test
    void unknownCollection_suggestsTheClosest() {
        CompileResult r = compile("keepincrm", FIND + "  when contact -> create deal for contact.manager\n  otherwise -> create contact, create deal for saless");
        assertEquals(List.of("LF207"), codes(r), r.render());
        assertTrue(r.render().contains("did you mean 'sales'"), r.render());
    }

    @Test
    void dealWithoutFind_isAnError() {
        CompileResult r = compile("keepincrm", "  when deal.open -> create deal\n  otherwise -> create deal");
        assertTrue(codes(r).contains("LF515"), r.render());
    }

    @Test
    void badPhoneProfileStrategyAndFindKey_areReported() {
        CompileResult r = DecideCatalog.compiler().compileSources(Map.of("f.flow", """
                flow "f" {
                  from site.form
                  to keepincrm
                  phone lead.phone as XX digits 2
                  drop when not phone.valid "bad"
                  find contact by phone, emial
                  otherwise -> create contact, create deal for team
                  deal { title <- "x" }
                }
                managers team = rotat [101]
                """));
        assertEquals(List.of("LF516", "LF516", "LF518", "LF517"), codes(r), r.render());
    }

    @Test
    void otherwiseBeforeWhen_isRefused() {
        CompileResult r = compile("keepincrm", FIND + "  otherwise -> skip \"x\"\n  when contact -> create deal");
        assertTrue(codes(r).contains("LF519"), r.render());
    }

    @Test
    void phoneWithoutAValidityRule_warns() {
        CompileResult r = compile("keepincrm", "  phone lead.phone as UA\n  find contact by phone\n  when contact -> create deal\n  otherwise -> create contact, create deal");
        assertEquals(List.of("LF520"), codes(r), r.render());
        assertTrue(r.ok());
    }
}
