package io.leadflow.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The connectors a compilation checks against. Immutable; build one per compiler. */
public final class ConnectorCatalog {
    private final Map<String, ConnectorDescriptor> byName;

    private ConnectorCatalog(Map<String, ConnectorDescriptor> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static ConnectorCatalog of(ConnectorDescriptor... descriptors) {
        Map<String, ConnectorDescriptor> m = new LinkedHashMap<>();
        for (ConnectorDescriptor d : descriptors) m.put(d.name(), d);
        return new ConnectorCatalog(m);
    }

    /** Every connector registered through {@link ConnectorDescriptorProvider} on the class path. */
    public static ConnectorCatalog discover() {
        Map<String, ConnectorDescriptor> m = new LinkedHashMap<>();
        for (ConnectorDescriptorProvider p : ServiceLoader.load(ConnectorDescriptorProvider.class)) {
            ConnectorDescriptor d = p.descriptor();
            m.put(d.name(), d);
        }
        return new ConnectorCatalog(m);
    }

    public Optional<ConnectorDescriptor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<ConnectorDescriptor> all() {
        return byName.values();
    }
}
