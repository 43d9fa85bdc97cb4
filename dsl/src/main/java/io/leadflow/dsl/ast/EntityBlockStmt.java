package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;
import java.util.Optional;

/** {@code deal update empty { title <- … }}. */
public record EntityBlockStmt(String entity, Optional<UpdateMode> mode, List<AssignStmt> fields, SourceSpan span)
        implements MappingStmt {
    public EntityBlockStmt {
        fields = List.copyOf(fields);
    }
}
