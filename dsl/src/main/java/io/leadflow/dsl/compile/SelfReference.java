package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Top-level lets and templates are expanded where used, so one that reaches itself would never end. */
final class SelfReference {
    private final Diagnostics sink;

    SelfReference(Diagnostics sink) {
        this.sink = sink;
    }

    void check(RuleFile file, Scope scope) {
        for (TopDecl d : file.decls()) {
            Expr body = d instanceof LetDecl l ? l.value() : d instanceof TemplateDecl t ? t.body() : null;
            if (body == null) continue;
            List<String> path = new ArrayList<>(List.of(d.name()));
            if (reaches(body, d.name(), scope, path, new HashSet<>())) {
                sink.error(DiagnosticCode.LF208, "'" + d.name() + "' refers to itself: " + String.join(" -> ", path), d.span());
            }
        }
    }

    private boolean reaches(Expr e, String target, Scope scope, List<String> path, Set<String> seen) {
        String ref = e instanceof NameExpr n ? n.name() : e instanceof CallExpr c ? c.name() : null;
        if (ref != null) {
            var sym = scope.find(ref);
            if (sym.isPresent() && (sym.get().kind() == Symbol.Kind.GLOBAL_LET || sym.get().kind() == Symbol.Kind.TEMPLATE)) {
                if (ref.equals(target)) {
                    path.add(ref);
                    return true;
                }
                if (seen.add(ref)) {
                    Node decl = sym.get().decl();
                    Expr body = decl instanceof LetDecl l ? l.value() : ((TemplateDecl) decl).body();
                    path.add(ref);
                    if (reaches(body, target, scope, path, seen)) return true;
                    path.remove(path.size() - 1);
                }
            }
        }
        boolean[] found = {false};
        NameCheck.children(e, x -> found[0] |= !found[0] && reaches(x, target, scope, path, seen));
        return found[0];
    }
}
