package io.leadflow.spi;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the compiler needs to know about a CRM connector: its name in rule files
 * ({@code to keycrm(...)}), what it can do, the fields of each entity, and its rate limit.
 */
public record ConnectorDescriptor(String name, String displayName, Set<Capability> capabilities,
                                  Map<EntityKind, EntitySchema> schemas, RateLimit rateLimit) {

    public ConnectorDescriptor {
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        schemas = Map.copyOf(schemas);
    }

    public boolean can(Capability c) {
        return capabilities.contains(c);
    }

    public Optional<EntitySchema> schema(EntityKind kind) {
        return Optional.ofNullable(schemas.get(kind));
    }
}
