package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code template clientName(subject, name) = "{subject} from {name}"} (L7): a named, parameterised expression. */
public record TemplateDecl(String name, List<String> params, Expr body, SourceSpan span) implements TopDecl {
    public TemplateDecl {
        params = List.copyOf(params);
    }
}
