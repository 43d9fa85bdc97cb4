package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.*;
import java.util.function.BiConsumer;

/**
 * Every expression this part of the compiler checks, with the scope it is read in. The
 * conditions of {@code when}, manager collections and test blocks belong to the decisions phases.
 */
public final class ExprSites {
    private ExprSites() { }

    public static void global(TopDecl d, Scope scope, BiConsumer<Expr, Scope> f) {
        if (d instanceof LetDecl l) f.accept(l.value(), scope);
        if (d instanceof TableDecl t) t.entries().forEach(e -> f.accept(e.value(), scope));
        if (d instanceof TemplateDecl t) {
            Scope s = scope;
            for (String p : t.params()) s = s.with(Symbol.of(Symbol.Kind.PARAM, p, t));
            f.accept(t.body(), s);
        }
    }

    public static void flow(FlowUnit unit, BiConsumer<Expr, Scope> f) {
        Scope all = unit.flowScope();
        for (FlowStmt s : unit.decl().body()) {
            if (s instanceof LetDecl l) f.accept(l.value(), unit.scopeBefore(l));
            if (s instanceof PhoneStmt p) f.accept(p.source(), unit.scopeBefore(p));
            if (s instanceof DropStmt d) f.accept(d.condition(), all);
            if (s instanceof KeepStmt k) f.accept(k.condition(), all);
            if (s instanceof ListBlockStmt l) f.accept(l.source(), all);
            if (s instanceof MappingStmt m) {
                Scope inner = unit.scopeFor(m instanceof ListBlockStmt l ? l : null);
                m.fields().forEach(a -> f.accept(a.value(), inner));
            }
        }
    }
}
