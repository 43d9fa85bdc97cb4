package io.leadflow.spi.effect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Create a deal (order, agreement, card) for a contact. {@code contact} is null where the CRM
 * has no contacts (Baselinker: every lead is a new order carrying its buyer's data).
 * {@code mark}: set the flow's marker field (L4) on it.
 */
public record CreateDeal(RecordRef contact, ObjectNode fields, String manager, boolean mark) implements Effect {
    @Override
    public String describe() {
        return "create deal";
    }
}
