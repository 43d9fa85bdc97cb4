package io.leadflow.dsl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The decision trace: one step per filter, lookup, rule tried and effect, each with the
 * source position it came from. Rendered by {@code leadflow explain} and kept in the registry.
 */
public record Trace(List<Step> steps) {
    public Trace {
        steps = List.copyOf(steps);
    }

    /**
     * @param kind   filter, normalise, find, rule, effect, field
     * @param detail human-readable: what was checked and the result
     * @param at     {@code file:line:col} of the rule-file construct
     * @param data   structured detail (field values, found ids), may be empty
     */
    public record Step(String kind, String detail, String at, ObjectNode data) { }
}
