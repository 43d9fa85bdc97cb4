package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code to keycrm(account: "main")}. */
public record ToStmt(String connector, List<Arg> args, SourceSpan span) implements FlowStmt {
    public ToStmt {
        args = List.copyOf(args);
    }
}
