package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;
import java.util.Optional;

/** {@code otherwise -> actions for assignee}: the rule when no {@code when} matched. */
public record OtherwiseStmt(List<Action> actions, Optional<Expr> assignee, SourceSpan span) implements FlowStmt {
    public OtherwiseStmt {
        actions = List.copyOf(actions);
    }
}
