package io.leadflow.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.testing.FlowGenerators;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik arbitraries for a flow's leads and CRM states: the same generators as
 * {@code leadflow test}'s properties (docs/language.md, "Properties"). A lead is drawn from a seed,
 * so jqwik reports (and replays) the seed of a failing lead; {@code lead.deepCopy()} before
 * changing one.
 */
public final class LeadflowArbitraries {
    /** no_contact, contact, open_deal, completed_deal, cancelled_deal, marked_deal, open_and_closed_deals, two_contacts, second_key. */
    public static final List<String> CRM_STATES = FlowGenerators.crmStates();

    private LeadflowArbitraries() { }

    /** Leads in the shape the flow's source sends them. */
    public static Arbitrary<ObjectNode> leads(FlowUnderTest flow) {
        return Arbitraries.longs().map(flow::lead);
    }

    /** Every CRM state. */
    public static Arbitrary<String> crmStates() {
        return Arbitraries.of(CRM_STATES);
    }

    /** Some CRM states ({@code crmStates("open_deal", "open_and_closed_deals")}). */
    public static Arbitrary<String> crmStates(String... names) {
        for (String n : names) {
            if (!CRM_STATES.contains(n)) throw new IllegalArgumentException("unknown CRM state '" + n + "'; states: " + CRM_STATES);
        }
        return Arbitraries.of(names);
    }
}
