package io.leadflow.connector;

import io.leadflow.spi.effect.RecordRef;
import java.util.Map;

/**
 * What an effect needs besides its own data.
 *
 * @param idempotencyKey stable per (lead, effect index); the same on every retry
 * @param leadId         the lead's id, for logs and CRM comments
 * @param createdIds     CRM ids of records made by earlier effects of the same decision, by effect index
 * @param marker         the flow's marker field name, or null
 * @param sendGate       opened right before the effect's first request that may change the CRM
 *                       leaves, once it holds its rate-limit permit ({@link SendGate})
 */
public record EffectContext(String idempotencyKey, String leadId, Map<Integer, String> createdIds, String marker,
                            SendGate sendGate) {

    public EffectContext {
        createdIds = Map.copyOf(createdIds);
        if (sendGate == null) sendGate = SendGate.none();
    }

    /** A context whose caller recorded the effect as sent before calling (no gate). */
    public EffectContext(String idempotencyKey, String leadId, Map<Integer, String> createdIds, String marker) {
        this(idempotencyKey, leadId, createdIds, marker, SendGate.none());
    }

    /** The CRM id a reference points to; fails when it points at an effect that produced none. */
    public String resolve(RecordRef ref) {
        if (ref == null) return null;
        if (ref instanceof RecordRef.Existing e) return e.id();
        int index = ((RecordRef.Created) ref).effectIndex();
        String id = createdIds.get(index);
        if (id == null) throw new IllegalStateException("effect " + index + " has produced no record yet");
        return id;
    }
}
