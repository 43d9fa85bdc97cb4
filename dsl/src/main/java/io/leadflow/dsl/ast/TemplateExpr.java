package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** {@code "Order {lead.id} from {lead.name}"}: text parts and holes in order; a null hole renders empty. */
public record TemplateExpr(List<Part> parts, SourceSpan span) implements Expr {
    public TemplateExpr {
        parts = List.copyOf(parts);
    }

    /** A piece of a template. */
    public sealed interface Part permits Text, Hole { }

    /** Literal text, escapes resolved. */
    public record Text(String text) implements Part { }

    /** A {@code {expr}} hole; the expression's span points into the hole. */
    public record Hole(Expr expr) implements Part { }
}
