package io.leadflow.dsl.decide;

import static io.leadflow.dsl.decide.DecisionChecksTest.FIND;
import static io.leadflow.dsl.decide.DecisionChecksTest.codes;
import static io.leadflow.dsl.decide.DecisionChecksTest.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LF404 binds only the entities a flow's decisions can create (the test KeepinCRM's deal requires a title). */
class RequiredFieldsTest {

    @Test
    void dealBlockOnlyUpdated_needsNoRequiredField() {
        CompileResult r = compile("keepincrm", FIND + "  when contact and deal.open -> update deal\n  otherwise -> skip \"new\"\n"
                + "  deal { total <- lead.total }");
        assertTrue(r.ok(), r.render());
        assertEquals(List.of(), codes(r), r.render());
    }

    @Test
    void dealBlockOfAFlowThatCreatesDeals_mustSetRequiredField() {
        CompileResult r = compile("keepincrm", FIND + "  when contact and deal.open -> update deal\n  otherwise -> create contact, create deal\n"
                + "  contact { name <- lead.name }\n  deal { total <- lead.total }");
        assertEquals(List.of("LF404"), codes(r), r.render());
        assertTrue(r.render().contains("must set 'title'"), r.render());
        assertEquals(10, r.diagnostics().get(0).span().line(), r.render());
    }

    @Test
    void flowWithoutRules_createsItsDealSoTheDealNeedsRequiredField() {
        CompileResult r = compile("keepincrm", "  deal { total <- lead.total }");
        assertEquals(List.of("LF404"), codes(r), r.render());
    }

    @Test
    void createDealSpelledAsOrder_stillBindsTheDealBlock() {
        CompileResult r = compile("keepincrm", FIND + "  when contact -> create order for contact.manager\n  otherwise -> skip \"new\"\n"
                + "  deal { total <- lead.total }");
        assertEquals(List.of("LF404"), codes(r), r.render());
    }

    @Test
    void aRuleCreatingAnEntityWithNoBlockAtAll_isLF404AtTheAction() {
        // the README's flow had `task for deal.manager` and no task block: every such lead was refused by KeepinCRM (its task needs a title)
        CompileResult r = io.leadflow.dsl.decide.DecideCatalog.compiler().compileSources(java.util.Map.of("f.flow", """
                flow "f" {
                  from site.form
                  to keepincrm
                  phone lead.phone as UA
                  drop when not phone.valid "bad"
                  find contact by phone
                  when contact -> create deal for contact.manager
                  otherwise -> skip "new"
                }
                """));
        assertEquals(List.of("LF404"), codes(r), r.render());
        assertTrue(r.render().contains("f.flow:7:19: error LF404: this flow creates an agreement but has no deal block: add deal { title <- … }"), r.render());
    }
}
