package io.leadflow.dsl;

import java.util.Map;

/**
 * The rotation state of every manager collection, by collection name: for each, how many leads
 * each manager has been given. Plain data so the runtime can persist it and a rotation stays
 * fair across restarts. Immutable.
 */
public record ManagerState(Map<String, Map<String, Long>> assigned) {
    public static final ManagerState EMPTY = new ManagerState(Map.of());

    public ManagerState {
        assigned = Map.copyOf(assigned);
    }
}
