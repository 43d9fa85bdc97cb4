package io.leadflow.runtime.account;

import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import io.leadflow.dsl.exec.CompiledBlock;
import io.leadflow.dsl.exec.CompiledField;
import io.leadflow.dsl.exec.FlowProgram;
import io.leadflow.runtime.sandbox.AccountKey;
import io.leadflow.spi.EntityKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The custom-field names ({@code deal_cf_…}, {@code contact_cf_…}) each account's flows write, per entity, read from the compiled blocks. */
public final class UsedFields {
    private UsedFields() { }

    /** Every account the program names (even with no custom fields), in flow order. Flows not compiled by the dsl are skipped. */
    public static Map<AccountKey, Map<EntityKind, Set<String>>> of(Program program) {
        Map<AccountKey, Map<EntityKind, Set<String>>> out = new LinkedHashMap<>();
        for (Flow f : program.flows()) {
            Map<EntityKind, Set<String>> byEntity = out.computeIfAbsent(new AccountKey(f.connector(), f.account()),
                    k -> new EnumMap<>(EntityKind.class));
            if (!(f instanceof FlowProgram compiled)) continue;
            for (CompiledBlock block : compiled.blocks()) {
                EntityKind entity = EntityKind.fromBlockName(block.entity()).orElse(null);
                if (entity == null) continue;
                for (CompiledField field : block.fields()) {
                    if (isCustom(field.name())) byEntity.computeIfAbsent(entity, k -> new LinkedHashSet<>()).add(field.name());
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
