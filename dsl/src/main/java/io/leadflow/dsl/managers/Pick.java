package io.leadflow.dsl.managers;

import io.leadflow.dsl.ManagerState;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one assignment: the manager (empty when every one was excluded: the CRM's own
 * default then applies), the state after it, and who was excluded (for the trace).
 */
public record Pick(Optional<String> manager, ManagerState state, List<String> excluded) {
    public Pick {
        excluded = List.copyOf(excluded);
    }
}
