package io.leadflow.testkit;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit as a team uses it: a flow of rule files, its generated leads, assertions over what it does. */
class LeadflowArbitrariesTest {
    static final FlowUnderTest ORDERS = FlowUnderTest.load(Path.of("src/test/resources/rules"), "horoshop orders");

    @Provide
    Arbitrary<ObjectNode> leads() {
        return LeadflowArbitraries.leads(ORDERS);
    }

    @Property(tries = 300)
    void everyLead_keepsTheBuiltInProperties(@ForAll("leads") ObjectNode lead, @ForAll("states") String crm) {
        ORDERS.run(lead, crm).assertBuiltInPropertiesHold();
    }

    @Provide
    Arbitrary<String> states() {
        return LeadflowArbitraries.crmStates();
    }

    @Property(tries = 300)
    void aBuyerWithAnOpenDeal_getsATask_neverASecondDeal(@ForAll("leads") ObjectNode lead) {
        FlowOutcome out = ORDERS.run(lead, "open_deal").assertNo("create deal").assertNo("create contact");
        if (!out.dropped()) out.assertHas("create task");
    }

    @Test
    void generatedLeads_lookLikeHoroshopOrders_andRepeatBySeed() {
        ObjectNode a = ORDERS.lead(7);
        assertEquals(a, ORDERS.lead(7));
        assertTrue(a.has("order_id") && a.has("delivery_phone") && a.has("products"), a.toString());
    }

    @Test
    void aFailedAssertion_namesTheFlow_theLead_andTheCrmState() {
        ObjectNode lead = ORDERS.lead(1).put("delivery_phone", "0671234567");
        AssertionError e = assertThrows(AssertionError.class, () -> ORDERS.run(lead, "open_deal").assertHas("create deal"));
        assertTrue(e.getMessage().startsWith("flow \"horoshop orders\": the lead has no 'create deal'"), e.getMessage());
        assertTrue(e.getMessage().contains("crm: {\"contacts\":[{\"id\":\"7\",\"phone\":\"+380671234567\""), e.getMessage());
    }

    @Test
    void aFlowThatBreaksABuiltInProperty_isReported(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("o.flow"), Files.readString(Path.of("src/test/resources/rules/orders.flow"))
                .replace("deal { title <- \"Order {lead.order_id} from {lead.delivery_name}\" }",
                        "deal { title <- \"Order {lead.order_id} {lead.analytics.utm_source}\" }"));
        FlowUnderTest broken = FlowUnderTest.load(dir, "horoshop orders");
        int broke = 0;
        for (long seed = 0; seed < 300; seed++) {
            try {
                broken.run(broken.lead(seed), "no_contact").assertBuiltInPropertiesHold();
            } catch (AssertionError e) {
                assertTrue(e.getMessage().contains("breaks 'no template hole is sent empty'"), e.getMessage());
                broke++;
            }
        }
        assertTrue(broke > 0, "some generated lead has no UTM source");
    }

    @Test
    void rulesThatDoNotCompile_failWithEveryDiagnostic(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.flow"), "flow \"x\" {\n  from horoshop.orders(account: \"a\")\n  to keepincrm\n  contact { nam <- lead.delivery_name }\n}\n");
        AssertionError e = assertThrows(AssertionError.class, () -> FlowUnderTest.load(dir, "x"));
        assertTrue(e.getMessage().contains("bad.flow:4:13"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LeadflowArbitraries.crmStates("open_dael"));
    }
}
