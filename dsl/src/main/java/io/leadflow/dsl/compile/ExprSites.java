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
        Scope filters = unit.filterScope();
        for (FlowStmt s : unit.decl().body()) {
            if (s instanceof LetDecl l) f.accept(l.value(), unit.scopeBefore(l));
            if (s instanceof PhoneStmt p) f.accept(p.source(), unit.scopeBefore(p));
            if (s instanceof DropStmt d) f.accept(d.condition(), filters);
            if (s instanceof KeepStmt k) f.accept(k.condition(), filters);
            if (s instanceof ListBlockStmt l) f.accept(l.source(), unit.scopeFor(null));
            if (s instanceof DedupeStmt d) f.accept(d.key(), unit.fileScope());
            if (s instanceof MappingStmt m) {
                Scope inner = unit.scopeFor(m instanceof ListBlockStmt l ? l : null);
                m.fields().forEach(a -> f.accept(a.value(), inner));
            }
        }
    }
}
