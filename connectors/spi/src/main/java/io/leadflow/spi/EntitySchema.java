package io.leadflow.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields one CRM entity accepts.
 *
 * @param kind         which entity
 * @param apiName      what the API calls it ({@code order}, {@code agreement}, {@code buyer})
 * @param fields       the named fields, by rule-file name
 * @param customFields how {@code <kind>_cf_<id>} fields are addressed
 */
public record EntitySchema(EntityKind kind, String apiName, Map<String, FieldSpec> fields,
                           CustomFieldStyle customFields) {

    public EntitySchema {
        fields = Map.copyOf(fields);
    }

    public static EntitySchema of(EntityKind kind, String apiName, CustomFieldStyle style, FieldSpec... specs) {
        Map<String, FieldSpec> m = new LinkedHashMap<>();
        for (FieldSpec s : specs) m.put(s.name(), s);
        return new EntitySchema(kind, apiName, m, style);
    }

    public Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The custom field id of {@code deal_cf_1043} for a deal schema, or empty if the name is not a custom field. */
    public Optional<String> customFieldId(String name) {
        String prefix = kind.customFieldPrefix();
        return name.startsWith(prefix) && name.length() > prefix.length()
                ? Optional.of(name.substring(prefix.length())) : Optional.empty();
    }
}
