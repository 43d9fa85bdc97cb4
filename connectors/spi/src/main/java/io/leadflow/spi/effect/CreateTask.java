package io.leadflow.spi.effect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Create a task for {@code manager}, linked to a deal and/or contact (either may be null). */
public record CreateTask(RecordRef deal, RecordRef contact, String manager, ObjectNode fields) implements Effect {
    @Override
    public String describe() {
        return "create task";
    }
}
