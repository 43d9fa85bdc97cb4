package io.leadflow.spi.effect;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Deliberately do nothing, with the reason recorded (a `skip "…"` action). */
public record Skip(String reason) implements Effect {
    @Override
    public String describe() {
        return "skip";
    }

    @Override
    public ObjectNode fields() {
        return JsonNodeFactory.instance.objectNode();
    }
}
