package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;
import java.util.Optional;

/** {@code products from lead.items as item { sku <- item.sku }}: one entry per list element. */
public record ListBlockStmt(String entity, Expr source, String var, Optional<UpdateMode> mode,
                            List<AssignStmt> fields, SourceSpan span) implements MappingStmt {
    public ListBlockStmt {
        fields = List.copyOf(fields);
    }
}
