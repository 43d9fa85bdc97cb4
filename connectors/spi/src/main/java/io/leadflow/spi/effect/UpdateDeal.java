package io.leadflow.spi.effect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Update an existing deal; {@code fields} holds only what is to change. {@code mark}: also set
 * the flow's marker field, so the next lead leaves this deal alone (L4 "update once").
 */
public record UpdateDeal(String id, ObjectNode fields, boolean mark) implements Effect {
    @Override
    public String describe() {
        return "update deal";
    }
}
