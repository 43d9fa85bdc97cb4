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

    /** The stored form is data in every ledger already written: its text stays as it was, key by key. */
    @Test
    void storedForm_isExactlyTheLedgersForm() {
        ObjectNode f = JsonNodeFactory.instance.objectNode().put("title", "x");
        String fj = "\"fields\":{\"title\":\"x\"}";
        assertEquals("{\"type\":\"create_contact\",\"manager\":\"ann\"," + fj + "}", EffectCodec.encode(new CreateContact(f, "ann")));
        assertEquals("{\"type\":\"create_deal\",\"manager\":null,\"mark\":true,\"contact\":{\"created\":0}," + fj + "}",
                EffectCodec.encode(new CreateDeal(new RecordRef.Created(0), f, null, true)));
        assertEquals("{\"type\":\"create_deal\",\"manager\":\"bob\",\"mark\":false,\"contact\":{\"existing\":\"77\"}," + fj + "}",
                EffectCodec.encode(new CreateDeal(new RecordRef.Existing("77"), f, "bob", false)));
        assertEquals("{\"type\":\"create_deal\",\"manager\":null,\"mark\":false,\"contact\":null," + fj + "}",
                EffectCodec.encode(new CreateDeal(null, f, null, false)));
        assertEquals("{\"type\":\"update_contact\",\"id\":\"12\"," + fj + "}", EffectCodec.encode(new UpdateContact("12", f)));
        assertEquals("{\"type\":\"update_deal\",\"id\":\"13\",\"mark\":true," + fj + "}", EffectCodec.encode(new UpdateDeal("13", f, true)));
        assertEquals("{\"type\":\"create_task\",\"manager\":\"ann\",\"deal\":{\"created\":1},\"contact\":{\"existing\":\"5\"}," + fj + "}",
                EffectCodec.encode(new CreateTask(new RecordRef.Created(1), new RecordRef.Existing("5"), "ann", f)));
        assertEquals("{\"type\":\"skip\",\"reason\":\"already handled\",\"fields\":{}}", EffectCodec.encode(new Skip("already handled")));
    }

    @Test
    void unknownStoredType_isAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EffectCodec.decode("{\"type\":\"teleport\"}"));
        assertEquals("stored effect has unknown type 'teleport'", e.getMessage());
    }
}
