package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code from horoshop.orders(account: "shop1")}. */
public record FromStmt(String source, List<Arg> args, SourceSpan span) implements FlowStmt {
    public FromStmt {
        args = List.copyOf(args);
    }
}
