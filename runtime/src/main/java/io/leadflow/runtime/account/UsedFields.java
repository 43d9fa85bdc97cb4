package io.leadflow.runtime.account;

import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.sandbox.AccountKey;
import io.leadflow.spi.EntityKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The custom-field names ({@code deal_cf_…}, {@code contact_cf_…}) each account's flows write, per entity, read from {@link Flow#writes}. */
public final class UsedFields {
    private UsedFields() { }

    /** Every account the program names (even with no custom fields), in flow order. A flow that writes nothing adds only its account. */
    public static Map<AccountKey, Map<EntityKind, Set<String>>> of(Program program) {
        Map<AccountKey, Map<EntityKind, Set<String>>> out = new LinkedHashMap<>();
        for (Flow f : program.flows()) {
            Map<EntityKind, Set<String>> byEntity = out.computeIfAbsent(new AccountKey(f.connector(), f.account()),
                    k -> new EnumMap<>(EntityKind.class));
            for (Map.Entry<EntityKind, Set<String>> written : f.writes().entrySet()) {
                for (String field : written.getValue()) {
                    if (isCustom(field)) byEntity.computeIfAbsent(written.getKey(), k -> new LinkedHashSet<>()).add(field);
                }
            }
        }
        return out;
    }

    private static boolean isCustom(String name) {
        for (EntityKind e : EntityKind.values()) {
            if (name.startsWith(e.customFieldPrefix())) return true;
        }
        return false;
    }
}
