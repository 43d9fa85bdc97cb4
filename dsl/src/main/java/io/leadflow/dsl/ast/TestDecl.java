package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/**
 * {@code test "name" { … }} (L12): given a lead and a CRM state, expect these effects; or, with
 * {@code property}, {@code property "name" { … }}: for every generated lead (the {@code lead}
 * object narrows the generator) and CRM state ({@code crm open_deal, …}), expect these.
 */
public record TestDecl(String name, List<TestStmt> body, SourceSpan span, boolean property) implements TopDecl {
    public TestDecl {
        body = List.copyOf(body);
    }

    public TestDecl(String name, List<TestStmt> body, SourceSpan span) {
        this(name, body, span, false);
    }
}
