package io.leadflow.dsl.graph;

import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.UpdateMode;
import java.util.List;

/**
 * A mapping block and how it updates existing CRM records (L3): the block's mode (its own,
 * else the flow's, else {@code all}) and the fields that only fill empty values.
 */
public record MapStep(String id, String label, String entity, UpdateMode mode, List<String> fields,
                      List<String> fillOnlyIfEmpty, SourceSpan span) implements GraphStep {
    public MapStep {
        fields = List.copyOf(fields);
        fillOnlyIfEmpty = List.copyOf(fillOnlyIfEmpty);
    }
}
