package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code fields name, phone, items}: the fields a generic source's leads have, so {@code lead.…} paths are checked. */
public record FieldsStmt(List<String> names, SourceSpan span) implements FlowStmt {
    public FieldsStmt {
        names = List.copyOf(names);
    }
}
