package io.leadflow.dsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.TopDecl;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.parse.RuleParser;
import io.leadflow.spi.ConnectorCatalog;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The engine of {@code leadflow test}'s properties for one compiled flow, for Java tests (the
 * {@code leadflow-testkit} artifact builds jqwik arbitraries on it): leads generated from the
 * source's payload schema, the named CRM states, and what the flow does with a lead in a state,
 * with the built-in property it breaks, if any.
 */
public final class FlowGenerators {
    /** What the flow did: the decision, the CRM state it ran against (JSON), and the built-in property broken, if any. */
    public record Outcome(Decision decision, JsonNode crm, Optional<String> brokenProperty, Optional<String> detail) {
        public boolean dropped() {
            return decision != null && decision.dropReason().isPresent();
        }
    }

    private final PropertyRunner runner;
    private final String flow;

    private FlowGenerators(PropertyRunner runner, String flow) {
        this.runner = runner;
        this.flow = flow;
    }

    /** @throws IllegalArgumentException when the files did not compile or have no such flow */
    public static FlowGenerators of(CompileResult compiled, String flowName, ConnectorCatalog catalog) {
        if (!compiled.ok()) throw new IllegalArgumentException("the rule files do not compile:\n" + compiled.render());
        Flow flow = compiled.program().orElseThrow().flow(flowName)
                .orElseThrow(() -> new IllegalArgumentException("no flow \"" + flowName + "\""));
        for (var src : compiled.sources().entrySet()) {
            var ast = RuleParser.parse(src.getKey(), src.getValue(), new Diagnostics()).ast();
            if (ast.isEmpty()) continue;
            for (TopDecl d : ast.get().decls()) {
                if (d instanceof FlowDecl f && f.name().equals(flowName)) return new FlowGenerators(new PropertyRunner(flow, f, catalog), flowName);
            }
        }
        throw new IllegalArgumentException("no flow \"" + flowName + "\" in the sources");
    }

    public String flow() {
        return flow;
    }

    /** The CRM states by name: no_contact, contact, open_deal, … (docs/language.md, Properties). */
    public static List<String> crmStates() {
        return CrmStates.NAMES;
    }

    /** A lead as the flow's source sends them. */
    public ObjectNode lead(SplittableRandom random) {
        return runner.lead(random);
    }

    /** The flow over the lead in the named CRM state. */
    public Outcome run(JsonNode lead, String crmState) {
        int i = CrmStates.NAMES.indexOf(crmState);
        if (i < 0) throw new IllegalArgumentException("unknown CRM state '" + crmState + "'; states: " + CrmStates.NAMES);
        if (!(lead instanceof ObjectNode o)) throw new IllegalArgumentException("a lead is a JSON object");
        PropertyRunner.Checked c = runner.check(o, i);
        return new Outcome(c.decision(), c.crm(), c.failure().map(BuiltinProperties.Failure::property),
                c.failure().map(BuiltinProperties.Failure::detail));
    }
}
