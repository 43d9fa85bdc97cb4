package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code name(args)}: a builtin or a user template. */
public record CallExpr(String name, List<Arg> args, SourceSpan span) implements Expr {
    public CallExpr {
        args = List.copyOf(args);
    }
}
