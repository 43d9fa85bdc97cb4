package io.leadflow.connector.keycrm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.EffectContext;
import io.vertx.core.json.JsonObject;

/** A deal effect's fields plus, when the effect asks to mark the deal (L4), the flow's marker field. */
final class DealFields {
    private DealFields() { }

    /** The marker gets the lead id (or {@code 1}) unless the mapping already gives it a value. */
    static JsonObject of(ObjectNode node, boolean mark, EffectContext ctx) {
        JsonObject fields = KeycrmBodies.dealFields(node);
        if (mark && ctx.marker() != null && fields.getValue(ctx.marker()) == null) {
            fields.put(ctx.marker(), ctx.leadId() == null ? "1" : ctx.leadId());
        }
        return fields;
    }
}
