package io.leadflow.runtime.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.EffectParts;
import io.leadflow.spi.effect.EffectParts.Part;
import io.leadflow.spi.effect.RecordRef;

/**
 * Effects to and from the JSON the ledger stores, so a run resumed after a crash sends exactly
 * what was decided (the decision is never recomputed once recorded).
 */
final class EffectCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The order of the parts in a stored effect (as written since the ledger's first version). */
    private static final java.util.List<Part> STORED_ORDER = java.util.List.of(Part.ID, Part.MANAGER, Part.MARK, Part.DEAL, Part.CONTACT, Part.REASON);

    private EffectCodec() { }

    static String encode(Effect effect) {
        EffectParts p = EffectParts.of(effect);
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", p.kind().stored());
        for (Part part : STORED_ORDER) {
            if (!p.has(part)) continue;
            switch (part) {
                case ID -> n.put("id", p.id());
                case MANAGER -> n.put("manager", p.manager());
                case MARK -> n.put("mark", p.mark());
                case DEAL -> n.set("deal", ref(p.deal()));
                case CONTACT -> n.set("contact", ref(p.contact()));
                case REASON -> n.put("reason", p.reason());
            }
        }
        n.set("fields", p.fields());
        return n.toString();
    }

    static Effect decode(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored effect is not JSON: " + e.getOriginalMessage(), e);
        }
        ObjectNode fields = n.get("fields") instanceof ObjectNode o ? o : MAPPER.createObjectNode();
        String type = n.path("type").asText();
        EffectParts.Kind kind = EffectParts.Kind.ofStored(type);
        if (kind == null) throw new IllegalStateException("stored effect has unknown type '" + type + "'");
        return new EffectParts(kind, ref(n.get("contact")), ref(n.get("deal")), text(n, "manager"), text(n, "id"),
                n.path("mark").asBoolean(), text(n, "reason"), fields).effect();
    }

    private static JsonNode ref(RecordRef ref) {
        if (ref == null) return MAPPER.nullNode();
        ObjectNode n = MAPPER.createObjectNode();
        if (ref instanceof RecordRef.Existing e) n.put("existing", e.id());
        else n.put("created", ((RecordRef.Created) ref).effectIndex());
        return n;
    }

    private static RecordRef ref(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.has("existing")) return new RecordRef.Existing(n.get("existing").asText());
        return new RecordRef.Created(n.path("created").asInt());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
