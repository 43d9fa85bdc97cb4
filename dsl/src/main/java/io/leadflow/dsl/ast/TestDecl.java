package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code test "name" { … }} (L12): given a lead and a CRM state, expect these effects. */
public record TestDecl(String name, List<TestStmt> body, SourceSpan span) implements TopDecl {
    public TestDecl {
        body = List.copyOf(body);
    }
}
