package io.leadflow.dsl.decide;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.effect.Skip;
import io.leadflow.spi.effect.UpdateContact;
import io.leadflow.spi.effect.UpdateDeal;

/**
 * An effect as one flat JSON object, for traces, test failures and {@code explain --json}:
 * {@code {"effect": "create deal", "contact": "7" | "#0", "manager": "101", "mark": true, "fields": {…}}};
 * {@code "#0"} names the record created by effect 0 of the same decision.
 */
public final class EffectJson {
    private EffectJson() { }

    public static ObjectNode of(Effect e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("effect", e.describe());
        if (e instanceof CreateContact c) {
            text(o, "manager", c.manager());
        } else if (e instanceof CreateDeal d) {
            text(o, "contact", ref(d.contact()));
            text(o, "manager", d.manager());
            o.put("mark", d.mark());
        } else if (e instanceof UpdateContact u) {
            o.put("id", u.id());
        } else if (e instanceof UpdateDeal u) {
            o.put("id", u.id());
            o.put("mark", u.mark());
        } else if (e instanceof CreateTask t) {
            text(o, "deal", ref(t.deal()));
            text(o, "contact", ref(t.contact()));
            text(o, "manager", t.manager());
        } else if (e instanceof Skip s) {
            o.put("reason", s.reason());
        }
        o.set("fields", e.fields() == null ? JsonNodeFactory.instance.objectNode() : e.fields());
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
