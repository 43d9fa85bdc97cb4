package io.leadflow.spi.effect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Update an existing contact; {@code fields} holds only what is to change (update-empty already applied). */
public record UpdateContact(String id, ObjectNode fields) implements Effect {
    @Override
    public String describe() {
        return "update contact";
    }
}
