package io.leadflow.dsl.compile;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.builtin.BuiltinSpec;
import io.leadflow.dsl.builtin.Builtins;
import io.leadflow.dsl.builtin.Param;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.diag.Words;
import io.leadflow.dsl.eval.NumberText;
import io.leadflow.dsl.eval.Type;
import io.leadflow.dsl.eval.Values;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Static types where they can be known, and the errors they reveal: wrong argument types and
 * counts, arithmetic on lists or text that is not a number, constant table keys that do not exist.
 * An expression already reported (an unknown name or function, a mismatch) has type
 * {@link Type#ERROR}, which silences the errors that would only follow from it.
 * With a null sink it only infers (used to type a let where it is read).
 */
public final class TypeInference {
    private final Builtins builtins;
    private final Diagnostics sink;
    private final Map<Node, Type> memo = new IdentityHashMap<>();

    public TypeInference(Builtins builtins, Diagnostics sink) {
        this.builtins = builtins;
        this.sink = sink;
    }

    public Type infer(Expr e, Scope scope) {
        if (e instanceof LiteralExpr) return Values.typeOf(Constants.of(e));
        if (e instanceof TemplateExpr t) {
            NameCheck.children(t, x -> infer(x, scope));
            return Type.STRING;
        }
        if (e instanceof NameExpr n) return nameType(n, scope);
        if (e instanceof MemberExpr m) {
            infer(m.target(), scope);
            return Type.ANY;
        }
        if (e instanceof IndexExpr i) return index(i, scope);
        if (e instanceof CallExpr c) return call(c, scope);
        if (e instanceof ListExpr l) {
            l.items().forEach(x -> infer(x, scope));
            return Type.LIST;
        }
        if (e instanceof ObjectExpr o) {
            o.fields().forEach(f -> infer(f.value(), scope));
            return Type.OBJECT;
        }
        if (e instanceof NegExpr n) {
            return numeric(n.operand(), infer(n.operand(), scope), "-") ? Type.NUMBER : Type.ERROR;
        }
        if (e instanceof NotExpr n) {
            infer(n.operand(), scope);
            return Type.BOOLEAN;
        }
        return binary((BinaryExpr) e, scope);
    }

    private Type binary(BinaryExpr b, Scope scope) {
        Type l = infer(b.left(), scope);
        Type r = infer(b.right(), scope);
        if (l == Type.ERROR || r == Type.ERROR) return Type.ERROR;
        switch (b.op()) {
            case SUB, MUL, DIV, MOD -> {
                boolean ok = numeric(b.left(), l, b.op().symbol());
                ok &= numeric(b.right(), r, b.op().symbol());
                return ok ? Type.NUMBER : Type.ERROR;
            }
            case ADD -> {
                if (l == Type.LIST || l == Type.OBJECT || r == Type.LIST || r == Type.OBJECT) {
                    return error(DiagnosticCode.LF301, "'+' adds numbers or joins text, not " + Words.a((l == Type.LIST || l == Type.OBJECT ? l : r).display()), b);
                }
                if (l == Type.STRING || r == Type.STRING) return Type.STRING;
                if (l == Type.NUMBER && r == Type.ANY || l == Type.ANY && r == Type.NUMBER) {
                    Expr unknown = l == Type.ANY ? b.left() : b.right();
                    String text = io.leadflow.dsl.fmt.Formatter.expression(unknown);
                    return error(DiagnosticCode.LF301, "'+' with a number adds only if " + text + " is a number, and joins text if it is text"
                            + " (shops send \"100\", and \"100\" + 1 is \"1001\"): write number(" + text + ") to add, or a template to join", b);
                }
                return l == Type.NUMBER && r == Type.NUMBER ? Type.NUMBER : Type.ANY;
            }
            case COALESCE -> {
                return l == Type.NULL ? r : l == r ? l : Type.ANY;
            }
            case LT, LE, GT, GE -> {
                for (Type t : List.of(l, r)) {
                    if (t == Type.LIST || t == Type.OBJECT || t == Type.BOOLEAN) {
                        return error(DiagnosticCode.LF301, "'" + b.op().symbol() + "' compares numbers or text, not " + Words.a(t.display()), b);
                    }
                }
                return Type.BOOLEAN;
            }
            case EQ, NE -> {
                if (l.known() && r.known() && kind(l) != kind(r)) {
                    return error(DiagnosticCode.LF301, "'" + b.op().symbol() + "' compares " + Words.a(l.display()) + " with " + Words.a(r.display())
                            + ", which are never equal", b);
                }
                return Type.BOOLEAN;
            }
            default -> {
                return Type.BOOLEAN;
            }
        }
    }

    /** What equality can tell apart: numbers and text compare by value (numeric text equals its number), the rest only among their own kind. */
    private static Type kind(Type t) {
        return t == Type.NUMBER ? Type.STRING : t;
    }

    /** Whether {@code e} can be a number; reports it when it cannot. */
    private boolean numeric(Expr e, Type t, String op) {
        if (t == Type.LIST || t == Type.OBJECT || t == Type.BOOLEAN) {
            error(DiagnosticCode.LF301, "'" + op + "' needs a number, got " + Words.a(t.display()), e);
            return false;
        } else if (e instanceof StringExpr s && NumberText.parse(s.value()) == null) {
            error(DiagnosticCode.LF301, "'" + op + "' needs a number, got the text '" + s.value() + "'", e);
            return false;
        }
        return true;
    }

    private Type nameType(NameExpr n, Scope scope) {
        var sym = scope.find(n.name());
        if (sym.isEmpty()) return Type.ERROR; // reported by resolve-names (LF201)
        Node decl = sym.get().decl();
        return switch (sym.get().kind()) {
            case LEAD -> Type.OBJECT;
            case GLOBAL_LET -> memoised(decl, () -> quiet().infer(((LetDecl) decl).value(), scope));
            case SLOT -> decl instanceof LetDecl l ? memoised(decl, () -> quiet().infer(l.value(), scope))
                    : decl instanceof PhoneStmt ? Type.STRING : Type.ANY;
            case TEMPLATE -> memoised(decl, () -> {
                Type t = quiet().templateType((TemplateDecl) decl, scope);
                return t == Type.STRING || t == Type.ERROR ? t : Type.ANY;
            });
            default -> Type.ANY;
        };
    }

    /**
     * The type of a declaration, inferred once. A declaration met again while its own type is
     * being inferred refers to itself (reported by resolve-names, LF208): its type is an error.
     */
    private Type memoised(Node decl, java.util.function.Supplier<Type> infer) {
        Type known = memo.get(decl);
        if (known != null) return known;
        memo.put(decl, Type.ERROR);
        Type t = infer.get();
        memo.put(decl, t);
        return t;
    }

    private Type index(IndexExpr i, Scope scope) {
        Type key = infer(i.index(), scope);
        if (i.target() instanceof NameExpr n && scope.find(n.name()).filter(s -> s.kind() == Symbol.Kind.TABLE).isPresent()) {
            TableDecl table = (TableDecl) scope.find(n.name()).get().decl();
            JsonNode constant = Constants.of(i.index());
            if (constant != null && table.entries().stream().noneMatch(e -> e.key().isPresent()
                    && Constants.key(Constants.of(e.key().get())).equals(Constants.key(constant)))) {
                String msg = "table '" + table.name() + "' has no key " + Constants.of(i.index());
                if (table.defaultEntry().isEmpty()) error(DiagnosticCode.LF303, msg, i.index());
                else if (sink != null) sink.warning(DiagnosticCode.LF303, msg + " (its default is used)", i.index().span());
            }
            Type common = null;
            for (TableEntry e : table.entries()) {
                Type t = quiet().infer(e.value(), scope);
                common = common == null || common == t ? t : Type.ANY;
            }
            return common == null ? Type.NULL : common;
        }
        infer(i.target(), scope);
        return key == Type.NULL ? Type.NULL : Type.ANY;
    }

    private Type call(CallExpr c, Scope scope) {
        var template = scope.find(c.name()).filter(s -> s.kind() == Symbol.Kind.TEMPLATE);
        if (template.isPresent()) {
            TemplateDecl t = (TemplateDecl) template.get().decl();
            CallArgs.arrange(c.name(), t.params(), t.params().size(), false, c.args(), c.span(), sink);
            c.args().forEach(a -> infer(a.value(), scope));
            return templateType(t, scope);
        }
        BuiltinSpec spec = builtins.find(c.name()).orElse(null);
        if (spec == null) {
            c.args().forEach(a -> infer(a.value(), scope));
            return Type.ERROR; // reported by resolve-names (LF202)
        }
        Expr[] args = CallArgs.arrange(c.name(), spec.params().stream().map(Param::name).toList(), spec.minArgs(),
                spec.variadic(), c.args(), c.span(), sink);
        if (args == null) {
            c.args().forEach(a -> infer(a.value(), scope));
            return spec.result();
        }
        if (sink != null) spec.binder().bind(new CallSite(args, c.span(), sink));
        boolean ok = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) continue;
            Param p = spec.paramAt(i);
            Type t = infer(args[i], scope);
            if (!p.type().accepts(t)) {
                ok = false;
                error(DiagnosticCode.LF301, "argument '" + p.name() + "' of " + spec.name() + " must be " + p.type().display() + ", got " + t.display(), args[i]);
            } else if (p.type() == Type.NUMBER && args[i] instanceof StringExpr s && NumberText.parse(s.value()) == null) {
                ok = false;
                error(DiagnosticCode.LF301, "argument '" + p.name() + "' of " + spec.name() + " must be a number, got the text '" + s.value() + "'", args[i]);
            }
        }
        return ok ? spec.result() : Type.ERROR;
    }

    private Type templateType(TemplateDecl t, Scope scope) {
        Scope s = scope;
        for (String p : t.params()) s = s.with(Symbol.of(Symbol.Kind.PARAM, p, t));
        return quiet().infer(t.body(), s);
    }

    private TypeInference quiet() {
        return sink == null ? this : new TypeInference(builtins, null);
    }

    /** Reports (when not quiet) and gives the error type, so the expressions around this one stay silent. */
    private Type error(DiagnosticCode code, String message, Node at) {
        if (sink != null) sink.error(code, message, at.span());
        return Type.ERROR;
    }
}
