package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.builtin.Builtins;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.diag.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reports every name in an expression that the scope does not know, with a "did you mean". */
public final class NameCheck {
    private final Builtins builtins;
    private final Diagnostics sink;

    public NameCheck(Builtins builtins, Diagnostics sink) {
        this.builtins = builtins;
        this.sink = sink;
    }

    /** Reports every unknown name, function or table in {@code e}. */
    public void check(Expr e, Scope scope) {
        if (e instanceof NameExpr n) {
            name(n, scope, false);
        } else if (e instanceof IndexExpr i) {
            if (i.target() instanceof NameExpr n) name(n, scope, true); else check(i.target(), scope);
            check(i.index(), scope);
        } else if (e instanceof CallExpr c) {
            var sym = scope.find(c.name()).filter(s -> s.kind() == Symbol.Kind.TEMPLATE);
            if (sym.isEmpty() && builtins.find(c.name()).isEmpty() && !scope.incomplete()) {
                List<String> known = new ArrayList<>(builtins.names());
                scope.names().stream().filter(s -> scope.find(s).orElseThrow().kind() == Symbol.Kind.TEMPLATE).forEach(known::add);
                sink.error(DiagnosticCode.LF202, "unknown function '" + c.name() + "'" + Suggest.hint(c.name(), known), c.span());
            }
            c.args().forEach(a -> check(a.value(), scope));
        } else {
            children(e, x -> check(x, scope));
        }
    }

    private void name(NameExpr n, Scope scope, boolean indexed) {
        var sym = scope.find(n.name());
        if (sym.isEmpty() && scope.incomplete() && scope.whyNot(n.name()).isEmpty()) {
            return; // may be declared in an import that did not parse, which is reported there
        } else if (sym.isEmpty() && indexed) {
            sink.error(DiagnosticCode.LF206, "unknown table or name '" + n.name() + "'" + Suggest.hint(n.name(), scope.names()), n.span());
        } else if (sym.isEmpty() && scope.whyNot(n.name()).isPresent()) {
            sink.error(DiagnosticCode.LF201, scope.whyNot(n.name()).get(), n.span());
        } else if (sym.isEmpty()) {
            sink.error(DiagnosticCode.LF201, "unknown name '" + n.name() + "'" + Suggest.hint(n.name(), scope.names()), n.span());
        } else if (sym.get().kind() == Symbol.Kind.TABLE && !indexed) {
            sink.error(DiagnosticCode.LF301, "table '" + n.name() + "' is looked up with " + n.name() + "[key]", n.span());
        } else if (sym.get().kind() == Symbol.Kind.TEMPLATE && !((TemplateDecl) sym.get().decl()).params().isEmpty()) {
            sink.error(DiagnosticCode.LF301, "template '" + n.name() + "' takes arguments: " + n.name() + "(…)", n.span());
        }
    }

    /** The direct sub-expressions of a node (shared by the walkers that need no special cases). */
    public static void children(Expr e, Consumer<Expr> f) {
        if (e instanceof TemplateExpr t) {
            for (TemplateExpr.Part p : t.parts()) if (p instanceof TemplateExpr.Hole h) f.accept(h.expr());
        } else if (e instanceof MemberExpr m) {
            f.accept(m.target());
        } else if (e instanceof IndexExpr i) {
            f.accept(i.target());
            f.accept(i.index());
        } else if (e instanceof CallExpr c) {
            c.args().forEach(a -> f.accept(a.value()));
        } else if (e instanceof ListExpr l) {
            l.items().forEach(f);
        } else if (e instanceof ObjectExpr o) {
            o.fields().forEach(x -> f.accept(x.value()));
        } else if (e instanceof NegExpr n) {
            f.accept(n.operand());
        } else if (e instanceof NotExpr n) {
            f.accept(n.operand());
        } else if (e instanceof BinaryExpr b) {
            f.accept(b.left());
            f.accept(b.right());
        }
    }
}
