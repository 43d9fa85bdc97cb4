package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;
import java.util.Optional;

/** {@code when cond -> action, action for assignee}: a decision rule, tried in order. */
public record WhenStmt(Expr condition, List<Action> actions, Optional<Expr> assignee, SourceSpan span)
        implements FlowStmt {
    public WhenStmt {
        actions = List.copyOf(actions);
    }
}
