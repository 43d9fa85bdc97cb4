package io.leadflow.spi.effect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Set;

/**
 * An effect taken apart into its kind and the parts that kind carries, and put together again:
 * the one place that switches over the effect types, so each JSON form of an effect (the ledger's
 * stored record, the trace's flat view) only lays the parts out. A part that a kind does not carry
 * is null (false for {@code mark}).
 */
public record EffectParts(Kind kind, RecordRef contact, RecordRef deal, String manager, String id, boolean mark,
                          String reason, ObjectNode fields) {

    /** What an effect may carry besides its fields. */
    public enum Part { ID, DEAL, CONTACT, MANAGER, MARK, REASON }

    /** The kinds of effect, with the stored name ({@code create_deal}) and the parts each carries. */
    public enum Kind {
        CREATE_CONTACT("create_contact", EnumSet.of(Part.MANAGER)),
        CREATE_DEAL("create_deal", EnumSet.of(Part.CONTACT, Part.MANAGER, Part.MARK)),
        UPDATE_CONTACT("update_contact", EnumSet.of(Part.ID)),
        UPDATE_DEAL("update_deal", EnumSet.of(Part.ID, Part.MARK)),
        CREATE_TASK("create_task", EnumSet.of(Part.DEAL, Part.CONTACT, Part.MANAGER)),
        SKIP("skip", EnumSet.of(Part.REASON));

        private final String stored;
        private final Set<Part> parts;

        Kind(String stored, Set<Part> parts) {
            this.stored = stored;
            this.parts = parts;
        }

        /** The name in the stored form, {@code create_deal}. */
        public String stored() {
            return stored;
        }

        /** The kind stored as {@code name}, or null when there is none. */
        public static Kind ofStored(String name) {
            for (Kind k : values()) if (k.stored.equals(name)) return k;
            return null;
        }
    }

    public static EffectParts of(Effect effect) {
        if (effect instanceof CreateContact e) return new EffectParts(Kind.CREATE_CONTACT, null, null, e.manager(), null, false, null, e.fields());
        if (effect instanceof CreateDeal e) return new EffectParts(Kind.CREATE_DEAL, e.contact(), null, e.manager(), null, e.mark(), null, e.fields());
        if (effect instanceof UpdateContact e) return new EffectParts(Kind.UPDATE_CONTACT, null, null, null, e.id(), false, null, e.fields());
        if (effect instanceof UpdateDeal e) return new EffectParts(Kind.UPDATE_DEAL, null, null, null, e.id(), e.mark(), null, e.fields());
        if (effect instanceof CreateTask e) return new EffectParts(Kind.CREATE_TASK, e.contact(), e.deal(), e.manager(), null, false, null, e.fields());
        Skip s = (Skip) effect;
        return new EffectParts(Kind.SKIP, null, null, null, null, false, s.reason(), s.fields());
    }

    /** Whether this kind carries the part. */
    public boolean has(Part part) {
        return kind.parts.contains(part);
    }

    /** The effect again; {@code fields} must be an object for every kind but {@link Kind#SKIP}. */
    public Effect effect() {
        return switch (kind) {
            case CREATE_CONTACT -> new CreateContact(fields, manager);
            case CREATE_DEAL -> new CreateDeal(contact, fields, manager, mark);
            case UPDATE_CONTACT -> new UpdateContact(id, fields);
            case UPDATE_DEAL -> new UpdateDeal(id, fields, mark);
            case CREATE_TASK -> new CreateTask(deal, contact, manager, fields);
            case SKIP -> new Skip(reason);
        };
    }
}
