package io.leadflow.spi.effect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Create a contact (buyer, customer, client) owned by {@code manager} (null: CRM default). */
public record CreateContact(ObjectNode fields, String manager) implements Effect {
    @Override
    public String describe() {
        return "create contact";
    }
}
