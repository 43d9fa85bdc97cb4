package io.leadflow.dsl.explain;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.parse.RuleParser;
import io.leadflow.dsl.scenario.CrmState;
import io.leadflow.dsl.scenario.Scenario;
import java.time.Clock;
import java.util.Optional;

/** Runs one lead through a compiled flow against a CRM state and keeps the trace. */
public final class Explainer {
    private Explainer() { }

    /**
     * @param crm the CRM state JSON ({@link CrmState} shape) or null for an empty CRM
     * @throws IllegalArgumentException when the flow is unknown or the lead / CRM state is malformed
     */
    public static Explanation explain(CompileResult compiled, String flowName, JsonNode lead, JsonNode crm, Clock clock) {
        var program = compiled.program().orElseThrow(() -> new IllegalArgumentException("the rule files do not compile"));
        Flow flow = program.flow(flowName).orElseThrow(() -> new IllegalArgumentException("no flow \"" + flowName + "\"; flows: "
                + String.join(", ", program.flows().stream().map(Flow::name).toList())));
        CrmState state = crm == null ? CrmState.EMPTY : CrmState.fromJson(crm, flow.marker());
        Scenario.Run run = Scenario.run(flow, decl(compiled, flowName).orElse(null), Scenario.requireLead(lead), state, state.managers(), clock);
        return new Explanation(flowName, run.decision());
    }

    private static Optional<FlowDecl> decl(CompileResult compiled, String name) {
        for (var src : compiled.sources().entrySet()) {
            var ast = RuleParser.parse(src.getKey(), src.getValue(), new Diagnostics()).ast();
            if (ast.isEmpty()) continue;
            for (var d : ast.get().decls()) if (d instanceof FlowDecl f && f.name().equals(name)) return Optional.of(f);
        }
        return Optional.empty();
    }
}
