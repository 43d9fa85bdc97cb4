package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/** A recorded effect comes back exactly as decided, so a resumed run sends what was decided. */
class EffectCodecTest {
    private static ObjectNode fields() {
        ObjectNode f = JsonNodeFactory.instance.objectNode().put("title", "Order 7 — Олена").put("deal_cf_1043", 12.5);
        f.putArray("products").addObject().put("sku", "A-1").put("qty", 2);
        return f;
    }

    @Test
    void everyEffectKind_roundTrips() {
        List<Effect> all = List.of(
                new CreateContact(fields(), "ann"),
                new CreateDeal(new RecordRef.Created(0), fields(), null, true),
                new CreateDeal(new RecordRef.Existing("77"), fields(), "bob", false),
                new CreateDeal(null, fields(), null, false),
                new UpdateContact("12", fields()),
                new UpdateDeal("13", fields(), true),
                new CreateTask(new RecordRef.Created(1), new RecordRef.Existing("5"), "ann", fields()),
                new Skip("already handled"));
        for (Effect e : all) assertEquals(e, EffectCodec.decode(EffectCodec.encode(e)), e.describe());
    }

    @Test
    void unknownStoredType_isAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EffectCodec.decode("{\"type\":\"teleport\"}"));
        assertEquals("stored effect has unknown type 'teleport'", e.getMessage());
    }
}
