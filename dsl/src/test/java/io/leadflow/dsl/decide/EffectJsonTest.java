package io.leadflow.dsl.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.effect.Skip;
import io.leadflow.spi.effect.UpdateContact;
import io.leadflow.spi.effect.UpdateDeal;
import org.junit.jupiter.api.Test;

/** The flat view of an effect that traces, test failures and {@code explain --json} print, key by key. */
class EffectJsonTest {

    @Test
    void everyKind_readsAsTheUserSeesIt() {
        ObjectNode f = JsonNodeFactory.instance.objectNode().put("title", "x");
        String fj = "\"fields\":{\"title\":\"x\"}";
        assertEquals("{\"effect\":\"create contact\",\"manager\":\"ann\"," + fj + "}", EffectJson.of(new CreateContact(f, "ann")).toString());
        assertEquals("{\"effect\":\"create deal\",\"contact\":\"#0\",\"manager\":null,\"mark\":true," + fj + "}",
                EffectJson.of(new CreateDeal(new RecordRef.Created(0), f, null, true)).toString());
        assertEquals("{\"effect\":\"create deal\",\"contact\":null,\"manager\":\"bob\",\"mark\":false," + fj + "}",
                EffectJson.of(new CreateDeal(null, f, "bob", false)).toString());
        assertEquals("{\"effect\":\"update contact\",\"id\":\"12\"," + fj + "}", EffectJson.of(new UpdateContact("12", f)).toString());
        assertEquals("{\"effect\":\"update deal\",\"id\":\"13\",\"mark\":true," + fj + "}", EffectJson.of(new UpdateDeal("13", f, true)).toString());
        assertEquals("{\"effect\":\"create task\",\"deal\":\"#1\",\"contact\":\"5\",\"manager\":\"ann\"," + fj + "}",
                EffectJson.of(new CreateTask(new RecordRef.Created(1), new RecordRef.Existing("5"), "ann", f)).toString());
        assertEquals("{\"effect\":\"skip\",\"reason\":\"already handled\",\"fields\":{}}", EffectJson.of(new Skip("already handled")).toString());
    }
}
