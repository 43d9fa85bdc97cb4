package io.leadflow.dsl.decide;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.EffectParts;
import io.leadflow.spi.effect.EffectParts.Part;
import io.leadflow.spi.effect.RecordRef;

/**
 * An effect as one flat JSON object, for traces, test failures and {@code explain --json}:
 * {@code {"effect": "create deal", "contact": "7" | "#0", "manager": "101", "mark": true, "fields": {…}}};
 * {@code "#0"} names the record created by effect 0 of the same decision. The parts come from
 * {@link EffectParts}, as for the ledger's stored form; this class only lays them out.
 */
public final class EffectJson {
    private EffectJson() { }

    public static ObjectNode of(Effect e) {
        EffectParts p = EffectParts.of(e);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("effect", e.describe());
        for (Part part : Part.values()) {
            if (!p.has(part)) continue;
            switch (part) {
                case ID -> o.put("id", p.id());
                case DEAL -> text(o, "deal", ref(p.deal()));
                case CONTACT -> text(o, "contact", ref(p.contact()));
                case MANAGER -> text(o, "manager", p.manager());
                case MARK -> o.put("mark", p.mark());
                case REASON -> o.put("reason", p.reason());
            }
        }
        o.set("fields", p.fields() == null ? JsonNodeFactory.instance.objectNode() : p.fields());
        return o;
    }

    public static String ref(RecordRef r) {
        if (r == null) return null;
        return r instanceof RecordRef.Existing x ? x.id() : "#" + ((RecordRef.Created) r).effectIndex();
    }

    private static void text(ObjectNode o, String k, String v) {
        if (v == null) o.putNull(k); else o.put(k, v);
    }
}
