package io.leadflow.spi.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a lead (or of one object inside it). A closed schema lists every field the
 * checker accepts; an open one accepts any name (a site form whose fields the rule file did not
 * declare, a member whose shape the reference does not give).
 */
public record PayloadSchema(Map<String, PayloadField> fields, boolean open) {
    private static final PayloadSchema OPEN = new PayloadSchema(Map.of(), true);

    public PayloadSchema {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A schema that accepts any field name. */
    public static PayloadSchema anyFields() {
        return OPEN;
    }

    public static PayloadSchema closed(PayloadField... fields) {
        Map<String, PayloadField> m = new LinkedHashMap<>();
        for (PayloadField f : fields) m.put(f.name(), f);
        return new PayloadSchema(m, false);
    }

    public Optional<PayloadField> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** This schema with more fields (a rule file's declared ones); still open only if this one was. */
    public PayloadSchema plus(Iterable<PayloadField> more) {
        Map<String, PayloadField> m = new LinkedHashMap<>(fields);
        for (PayloadField f : more) m.putIfAbsent(f.name(), f);
        return new PayloadSchema(m, open);
    }

    /** A closed schema of exactly these fields (a rule file declaring the fields of an open source). */
    public static PayloadSchema declared(Iterable<PayloadField> fields) {
        Map<String, PayloadField> m = new LinkedHashMap<>();
        for (PayloadField f : fields) m.put(f.name(), f);
        return new PayloadSchema(m, false);
    }
}
