package io.leadflow.dsl.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import java.util.Locale;

/**
 * How rules see found records: {@code contact} and {@code deal} are objects with the record's
 * fields by rule-file name plus {@code id}, {@code manager}, {@code created_at} (and for a deal
 * {@code contact}, {@code status}, {@code group}, {@code open}, {@code closed}, {@code marked}).
 * The fixed keys win over a CRM field of the same name.
 */
public final class RecordViews {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordViews() { }

    public static JsonNode contact(FoundContact c) {
        if (c == null) return null;
        ObjectNode o = NODES.objectNode();
        if (c.fields() != null) o.setAll(c.fields());
        o.put("id", c.id());
        put(o, "manager", c.manager());
        put(o, "created_at", c.createdAt() == null ? null : c.createdAt().toString());
        return o;
    }

    public static JsonNode deal(FoundDeal d) {
        if (d == null) return null;
        ObjectNode o = NODES.objectNode();
        if (d.fields() != null) o.setAll(d.fields());
        o.put("id", d.id());
        put(o, "contact", d.contactId());
        put(o, "manager", d.manager());
        put(o, "created_at", d.createdAt() == null ? null : d.createdAt().toString());
        put(o, "status", d.status());
        o.put("group", d.group().name().toLowerCase(Locale.ROOT));
        o.put("open", d.open());
        o.put("closed", d.group().closed());
        o.put("marked", d.marked());
        return o;
    }

    private static void put(ObjectNode o, String key, String value) {
        if (value == null) o.putNull(key); else o.put(key, value);
    }
}
