package io.leadflow.dsl.exec;

import io.leadflow.dsl.graph.RuleGraph;
import java.util.Map;

/** The product of {@code plan-graph}: the checked flows and each flow's rule graph, by flow name. */
public record Planned(Decided decided, Map<String, RuleGraph> graphs) {
    public Planned {
        graphs = Map.copyOf(graphs);
    }
}
