package io.leadflow.dsl.compile;

import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.source.SourceKind;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The product of {@code check-schema} and {@code check-sources}: each flow's target connector and
 * source kind, for the flows whose connector and source are known.
 */
public final class Targeted {
    private final Resolved resolved;
    private final Map<FlowUnit, ConnectorDescriptor> connectors;
    private final Map<FlowUnit, SourceKind> sources;

    public Targeted(Resolved resolved, Map<FlowUnit, ConnectorDescriptor> connectors) {
        this(resolved, connectors, Map.of());
    }

    private Targeted(Resolved resolved, Map<FlowUnit, ConnectorDescriptor> connectors, Map<FlowUnit, SourceKind> sources) {
        this.resolved = resolved;
        this.connectors = new IdentityHashMap<>(connectors);
        this.sources = new IdentityHashMap<>(sources);
    }

    /** This product with each flow's source kind ({@code check-sources}). */
    public Targeted withSources(Map<FlowUnit, SourceKind> kinds) {
        return new Targeted(resolved, connectors, kinds);
    }

    /** The source kind a flow reads; empty when the flow names none or an unknown one (already reported). */
    public Optional<SourceKind> source(FlowUnit unit) {
        return Optional.ofNullable(sources.get(unit));
    }

    public Resolved resolved() {
        return resolved;
    }

    /** The connector a flow sends to; empty when the flow names none or an unknown one (already reported). */
    public Optional<ConnectorDescriptor> connector(FlowUnit unit) {
        return Optional.ofNullable(connectors.get(unit));
    }
}
