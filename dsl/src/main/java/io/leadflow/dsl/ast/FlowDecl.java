package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code flow "name" { … }} with its statements in source order. */
public record FlowDecl(String name, List<FlowStmt> body, SourceSpan span) implements TopDecl {
    public FlowDecl {
        body = List.copyOf(body);
    }

    /** The statements of one kind, in order. */
    public <T extends FlowStmt> List<T> all(Class<T> kind) {
        return body.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
