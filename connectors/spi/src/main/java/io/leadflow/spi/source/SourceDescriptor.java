package io.leadflow.spi.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead source as the rule language names it ({@code from horoshop.orders(...)}): its kinds, or
 * for a generic source ({@code site}) the one shape every kind name shares.
 *
 * @param name        the name before the dot
 * @param displayName for messages and docs
 * @param kinds       the named kinds, in reference order
 * @param anyKind     for a generic source: the kind every name stands for (the name only labels the form); else null
 */
public record SourceDescriptor(String name, String displayName, List<SourceKind> kinds, SourceKind anyKind) {

    public SourceDescriptor {
        kinds = List.copyOf(kinds);
    }

    public static SourceDescriptor of(String name, String displayName, SourceKind... kinds) {
        return new SourceDescriptor(name, displayName, List.of(kinds), null);
    }

    public Optional<SourceKind> kind(String kindName) {
        for (SourceKind k : kinds) if (k.name().equals(kindName)) return Optional.of(k);
        return anyKind == null ? Optional.empty() : Optional.of(anyKind.named(kindName));
    }

    public Map<String, SourceKind> kindsByName() {
        Map<String, SourceKind> m = new LinkedHashMap<>();
        for (SourceKind k : kinds) m.put(k.name(), k);
        return m;
    }
}
