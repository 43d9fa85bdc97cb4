package io.leadflow.runtime.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Effects to and from the JSON the ledger stores, so a run resumed after a crash sends exactly
 * what was decided (the decision is never recomputed once recorded).
 */
final class EffectCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EffectCodec() { }

    static String encode(Effect effect) {
        ObjectNode n = MAPPER.createObjectNode();
        if (effect instanceof CreateContact e) {
            n.put("type", "create_contact").put("manager", e.manager());
        } else if (effect instanceof CreateDeal e) {
            n.put("type", "create_deal").put("manager", e.manager()).put("mark", e.mark()).set("contact", ref(e.contact()));
        } else if (effect instanceof UpdateContact e) {
            n.put("type", "update_contact").put("id", e.id());
        } else if (effect instanceof UpdateDeal e) {
            n.put("type", "update_deal").put("id", e.id()).put("mark", e.mark());
        } else if (effect instanceof CreateTask e) {
            n.put("type", "create_task").put("manager", e.manager());
            n.set("deal", ref(e.deal()));
            n.set("contact", ref(e.contact()));
        } else if (effect instanceof Skip e) {
            n.put("type", "skip").put("reason", e.reason());
        }
        n.set("fields", effect.fields());
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
        return switch (type) {
            case "create_contact" -> new CreateContact(fields, text(n, "manager"));
            case "create_deal" -> new CreateDeal(ref(n.get("contact")), fields, text(n, "manager"), n.path("mark").asBoolean());
            case "update_contact" -> new UpdateContact(text(n, "id"), fields);
            case "update_deal" -> new UpdateDeal(text(n, "id"), fields, n.path("mark").asBoolean());
            case "create_task" -> new CreateTask(ref(n.get("deal")), ref(n.get("contact")), text(n, "manager"), fields);
            case "skip" -> new Skip(text(n, "reason"));
            default -> throw new IllegalStateException("stored effect has unknown type '" + type + "'");
        };
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
