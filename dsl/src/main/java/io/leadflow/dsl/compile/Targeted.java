package io.leadflow.dsl.compile;

import io.leadflow.spi.ConnectorDescriptor;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/** The product of {@code check-schema}: each flow's target connector, for the flows whose connector is known. */
public final class Targeted {
    private final Resolved resolved;
    private final Map<FlowUnit, ConnectorDescriptor> connectors;

    public Targeted(Resolved resolved, Map<FlowUnit, ConnectorDescriptor> connectors) {
        this.resolved = resolved;
        this.connectors = new IdentityHashMap<>(connectors);
    }

    public Resolved resolved() {
        return resolved;
    }

    /** The connector a flow sends to; empty when the flow names none or an unknown one (already reported). */
    public Optional<ConnectorDescriptor> connector(FlowUnit unit) {
        return Optional.ofNullable(connectors.get(unit));
    }
}
