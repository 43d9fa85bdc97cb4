package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * {@code managers sales = rotate [101, 102] except when cond} (L6). The strategy is kept as
 * written ({@code rotate}, {@code weighted}, …); its meaning is given by the decisions phases.
 */
public record ManagersDecl(String name, String strategy, List<ManagerEntry> entries, Optional<Expr> except,
                           SourceSpan span) implements TopDecl, FlowStmt {
    public ManagersDecl {
        entries = List.copyOf(entries);
    }
}
