package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code flow "name" { … }} with its statements in source order. */
public record FlowDecl(String name, List<FlowStmt> body, SourceSpan span) implements TopDecl {
    public FlowDecl {
        body = List.copyOf(body);
    }

    /**
     * How {@code update} writes the block's fields: the block's own mode ({@code contact update empty { … }}),
     * else the flow's {@code update} statement, else {@link UpdateMode#ALL}. The one place this rule is written.
     */
    public UpdateMode updateMode(MappingStmt block) {
        return block.mode().orElseGet(() -> all(UpdateModeStmt.class).stream().findFirst().map(UpdateModeStmt::mode).orElse(UpdateMode.ALL));
    }

    /** The statements of one kind, in order. */
    public <T extends FlowStmt> List<T> all(Class<T> kind) {
        return body.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
