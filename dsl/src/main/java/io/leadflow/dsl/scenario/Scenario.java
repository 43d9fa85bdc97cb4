package io.leadflow.dsl.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.PhoneStmt;
import io.leadflow.dsl.phone.PhoneProfile;
import io.leadflow.dsl.phone.PhoneStandardizer;
import io.leadflow.spi.record.Found;
import java.time.Clock;

/**
 * One run of a flow the way the runtime does it, with an in-memory CRM in place of the connector:
 * evaluate → look up → decide. Shared by the test runner, {@code explain} and the benchmark.
 */
public final class Scenario {
    private Scenario() { }

    /** What happened: the evaluation, what the lookup found, and the decision. */
    public record Run(Evaluation evaluation, Found found, Decision decision) { }

    public static Run run(Flow flow, FlowDecl decl, JsonNode lead, CrmState crm, ManagerState managers, Clock clock) {
        return run(flow, new InMemoryCrm(crm, standardizer(decl)), lead, managers, clock);
    }

    public static Run run(Flow flow, InMemoryCrm crm, JsonNode lead, ManagerState managers, Clock clock) {
        Evaluation ev = flow.evaluate(lead, clock);
        Found found = ev.lookup().map(crm::lookup).orElse(Found.NOTHING);
        return new Run(ev, found, flow.decide(ev, found, managers, clock));
    }

    /** The flow's phone profile, so stored CRM phones are read as the flow reads the lead's. */
    public static PhoneStandardizer standardizer(FlowDecl decl) {
        PhoneProfile p = decl == null ? PhoneProfile.UA : decl.all(PhoneStmt.class).stream().findFirst()
                .map(s -> PhoneProfile.of(s.region(), s.digits(), s.mobileOnly())).orElse(PhoneProfile.UA);
        return new PhoneStandardizer(p.knownRegion() ? p : PhoneProfile.UA);
    }

    /** A lead must be a JSON object. */
    public static ObjectNode requireLead(JsonNode lead) {
        if (lead == null || !lead.isObject()) throw new IllegalArgumentException("a lead is a JSON object, not " + lead);
        return (ObjectNode) lead;
    }
}
