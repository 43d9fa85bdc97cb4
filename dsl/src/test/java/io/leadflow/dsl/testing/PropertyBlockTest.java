package io.leadflow.dsl.testing;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.LeadflowCompiler;
import io.leadflow.dsl.TestCatalog;
import io.leadflow.dsl.fmt.Formatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code property} blocks: narrowed generated leads, chosen CRM states, expectations that must hold for all of them. */
class PropertyBlockTest {
    private static final LeadflowCompiler COMPILER = Leadflow.compiler(TestCatalog.examples());

    private static final String FLOW = """
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
              deal { title <- "Order {lead.order_id}" }
              task { title <- "Repeat order {lead.order_id}" }
            }
            """;

    private static TestReport run(String text) {
        return new RuleTestRunner(COMPILER, 200, 11).runSources(Map.of("orders.flow", text));
    }

    private static PropertyOutcome only(TestReport r, String title) {
        return r.properties().stream().filter(p -> p.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + title + " in\n" + r.render(true)));
    }

    @Test
    void aValidPhoneIsNeverDropped_holds_forEveryWrittenFormOfAUkrainianNumber() {
        TestReport r = run(FLOW + """
                property "a lead with a valid phone is never dropped" {
                  lead { delivery_phone: phone("UA") }
                  tries 300
                  expect no drop
                }
                """);
        PropertyOutcome p = only(r, "property \"a lead with a valid phone is never dropped\"");
        assertTrue(p.held(), p.render());
        assertEquals(300, p.tries());
        assertTrue(r.ok(), r.render(false));
    }

    @Test
    void aRuleThatDropsSomeValidLeads_breaksTheProperty_withAShrunkCounterexample() {
        String strict = FLOW.replace("drop when not phone.valid \"no usable phone\"",
                "drop when not phone.valid \"no usable phone\"\n  drop when lead.total_sum < 50 \"small order\"");
        TestReport r = run(strict + """
                property "a lead with a valid phone is never dropped" {
                  lead { delivery_phone: phone("UA") }
                  expect no drop
                }
                """);
        PropertyOutcome p = only(r, "property \"a lead with a valid phone is never dropped\"");
        assertFalse(p.held(), p.render());
        assertTrue(p.detail().contains("expected the lead not to be dropped, it was dropped (\"small order\")"), p.detail());
        assertTrue(p.example().contains("expect drop \"small order\""), p.example());
        assertTrue(p.example().contains("\"total_sum\": 1"), p.example());
        // The narrowed phone is kept as generated: a real Ukrainian number, not shrunk to "a".
        assertFalse(p.example().contains("\"delivery_phone\": \"a\""), p.example());
        assertFalse(r.ok());
    }

    @Test
    void aRepeatBuyerWithAnOpenDeal_neverGetsASecondDeal_andARuleThatLetsSmallOrdersThroughIsCaught() {
        String property = """
                property "a repeat buyer with an open deal never gets a second deal" {
                  crm open_deal, open_and_closed_deals
                  expect no create deal
                }
                """;
        assertTrue(only(run(FLOW + property), "property \"a repeat buyer with an open deal never gets a second deal\"").held());
        // Only big orders of a known buyer become tasks: a small repeat order opens a second deal.
        String bigOnly = FLOW.replace("when contact and deal.open -> task", "when contact and deal.open and lead.total_sum > 100 -> task");
        TestReport r = run(bigOnly + property);
        assertEquals("", r.compileErrors(), r.compileErrors());
        PropertyOutcome p = only(r, "property \"a repeat buyer with an open deal never gets a second deal\"");
        assertFalse(p.held(), p.render());
        assertTrue(p.example().contains("crm deal 9 "), p.example());
        assertTrue(p.example().contains("\"group\": \"open\""), p.example());
    }

    @Test
    void unknownGenerators_states_andMisplacedStatements_sayWhereAndWhat() {
        TestReport r = run(FLOW + """
                property "gen" {
                  lead { delivery_phone: fone("UA") }
                  expect no drop
                }
                property "states" {
                  crm open_dael
                  expect no drop
                }
                test "tries in a test" {
                  lead { delivery_phone: "0671234567" }
                  tries 5
                  expect create contact
                }
                """);
        assertFalse(r.ok());
        String out = r.render(false);
        assertTrue(out.contains("orders.flow:15:26: unknown generator 'fone'"), out);
        assertTrue(out.contains("unknown CRM state 'open_dael'; did you mean 'open_deal'?"), out);
        assertTrue(out.contains("generated CRM states and tries belong in a property block"), out);
    }

    @Test
    void zeroTries_skipsPropertyBlocksToo() {
        TestReport r = new RuleTestRunner(COMPILER, 0, 1).runSources(Map.of("orders.flow", FLOW + """
                property "p" {
                  expect no drop
                }
                """));
        assertEquals(0, r.properties().size(), r.render(true));
    }

    @Test
    void theFormatterKeepsPropertyBlocks_andIsIdempotent() {
        String src = FLOW + "\nproperty \"p\" {\n  lead { delivery_phone: phone(\"UA\"), products: list(0, 50) }\n"
                + "  crm open_deal, marked_deal\n  tries 50\n  expect no create deal\n}\n";
        String once = Formatter.format("orders.flow", src).text().orElseThrow();
        assertTrue(once.contains("property \"p\" {\n  lead { delivery_phone: phone(\"UA\"), products: list(0, 50) }\n"
                + "  crm open_deal, marked_deal\n  tries 50\n  expect no create deal\n}\n"), once);
        assertEquals(once, Formatter.format("orders.flow", once).text().orElseThrow());
    }
}
