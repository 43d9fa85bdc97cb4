package io.leadflow.dsl.graph;

import java.util.List;
import java.util.Optional;

/** The rule graph of one flow. Immutable. */
public record RuleGraph(String flow, List<GraphStep> steps, List<Edge> edges) {
    public RuleGraph {
        steps = List.copyOf(steps);
        edges = List.copyOf(edges);
    }

    public <T extends GraphStep> List<T> all(Class<T> kind) {
        return steps.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The map step of an entity ({@code contact}, {@code deal}, {@code task}, {@code products}). */
    public Optional<MapStep> map(String entity) {
        return all(MapStep.class).stream().filter(m -> m.entity().equals(entity)).findFirst();
    }
}
