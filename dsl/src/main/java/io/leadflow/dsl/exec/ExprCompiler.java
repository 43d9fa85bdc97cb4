package io.leadflow.dsl.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.builtin.Builtins;
import io.leadflow.dsl.compile.Constants;
import io.leadflow.dsl.compile.Scope;
import io.leadflow.dsl.compile.Symbol;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.eval.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Expression AST to closure, once per program. Top-level lets and templates are expanded where
 * they are used (arguments by name, which is safe because expressions are pure); per-lead values
 * (flow lets, phone, loop variables) are read from their slots.
 */
public final class ExprCompiler {
    private final Builtins builtins;
    private final Function<String, Scope> fileScopes;
    private final Map<String, Eval> params;
    private final Map<TableDecl, Eval> tables;
    /** Where the lead paths compiled expressions read are recorded (null: not recorded). */
    private final LeadReads reads;

    public ExprCompiler(Builtins builtins, Function<String, Scope> fileScopes) {
        this(builtins, fileScopes, Map.of(), new HashMap<>(), null);
    }

    private ExprCompiler(Builtins builtins, Function<String, Scope> fileScopes, Map<String, Eval> params, Map<TableDecl, Eval> tables,
                         LeadReads reads) {
        this.builtins = builtins;
        this.fileScopes = fileScopes;
        this.params = params;
        this.tables = tables;
        this.reads = reads;
    }

    /** A compiler that records in {@code r} every lead path the expressions it compiles read. */
    ExprCompiler reading(LeadReads r) {
        return new ExprCompiler(builtins, fileScopes, params, tables, r);
    }

    public Eval compile(Expr e, Scope scope) {
        JsonNode constant = Constants.of(e);
        if (constant != null) {
            JsonNode c = Values.norm(constant);
            return env -> c;
        }
        if (e instanceof TemplateExpr t) return template(t, scope);
        if (e instanceof NameExpr n) return name(n, scope);
        if (e instanceof MemberExpr m) return member(m, scope);
        if (e instanceof IndexExpr i) return index(i, scope);
        if (e instanceof CallExpr c) return new Calls(this, builtins).compile(c, scope);
        if (e instanceof ListExpr l) return list(l, scope);
        if (e instanceof ObjectExpr o) return object(o, scope);
        if (e instanceof NegExpr n) return Operators.neg(compile(n.operand(), scope));
        if (e instanceof NotExpr n) return Operators.not(compile(n.operand(), scope));
        BinaryExpr b = (BinaryExpr) e;
        return Operators.binary(b.op(), compile(b.left(), scope), compile(b.right(), scope));
    }

    /** {@code lead.a.b}: the member names when {@code e} is a path from the lead itself, else null. */
    String[] leadPath(Expr e, Scope scope) {
        List<String> names = new ArrayList<>();
        Expr target = e;
        while (target instanceof MemberExpr mm) {
            names.add(0, mm.name().intern());
            target = mm.target();
        }
        if (names.isEmpty() || !(target instanceof NameExpr n) || params.containsKey(n.name())) return null;
        return scope.find(n.name()).filter(s -> s.kind() == Symbol.Kind.LEAD).isPresent() ? names.toArray(String[]::new) : null;
    }

    /** A compiler for a template body: parameters bound to the call's argument closures. */
    ExprCompiler withParams(Map<String, Eval> bound) {
        return new ExprCompiler(builtins, fileScopes, bound, tables, reads);
    }

    Scope fileScope(Node decl) {
        return fileScopes.apply(decl.span().file());
    }

    private Eval name(NameExpr n, Scope scope) {
        Eval param = params.get(n.name());
        Symbol s = scope.find(n.name()).orElseThrow(() -> new IllegalStateException("unresolved " + n.name()));
        if (s.kind() == Symbol.Kind.PARAM && param != null) return param;
        return switch (s.kind()) {
            case LEAD -> {
                if (reads != null) reads.whole();
                yield io.leadflow.dsl.eval.Env::lead;
            }
            case SLOT -> {
                int slot = s.slot();
                if (reads != null) reads.slotWhole(slot);
                // An invalid phone reads as null (its raw text stays at phone.raw), so a rule must choose to send it on.
                if (s.decl() instanceof io.leadflow.dsl.ast.PhoneStmt) yield env -> PhoneValue.read(env.slot(slot));
                yield env -> env.slot(slot);
            }
            case GLOBAL_LET -> withParams(Map.of()).compile(((LetDecl) s.decl()).value(), fileScope(s.decl()));
            case TEMPLATE -> withParams(Map.of()).compile(((TemplateDecl) s.decl()).body(), fileScope(s.decl()));
            default -> env -> null;
        };
    }

    private Eval member(MemberExpr m, Scope scope) {
        List<String> names = new ArrayList<>();
        Expr target = m;
        while (target instanceof MemberExpr mm) {
            names.add(0, mm.name().intern()); // Jackson interns parsed field names: lookups then match by identity
            target = mm.target();
        }
        String[] path = names.toArray(String[]::new);
        // The usual roots read directly: one closure call per path instead of two.
        if (target instanceof NameExpr n && !params.containsKey(n.name())) {
            Symbol s = scope.find(n.name()).orElse(null);
            if (s != null && s.kind() == Symbol.Kind.LEAD) {
                if (reads != null) reads.path(path);
                return Paths.leadMembers(path);
            }
            if (s != null && s.kind() == Symbol.Kind.SLOT) {
                if (reads != null) reads.slotPath(s.slot(), path);
                return Paths.slotMembers(s.slot(), path);
            }
        }
        return Paths.members(compile(target, scope), path);
    }

    private Eval index(IndexExpr i, Scope scope) {
        if (i.target() instanceof NameExpr n && scope.find(n.name()).filter(s -> s.kind() == Symbol.Kind.TABLE).isPresent()) {
            TableDecl t = (TableDecl) scope.find(n.name()).get().decl();
            Scope tableScope = fileScope(t);
            Map<String, Eval> entries = new HashMap<>();
            Eval fallback = null;
            for (TableEntry e : t.entries()) {
                Eval v = withParams(Map.of()).compile(e.value(), tableScope);
                if (e.isDefault()) fallback = v; else entries.putIfAbsent(Constants.key(Constants.of(e.key().get())), v);
            }
            return Paths.table(Map.copyOf(entries), fallback, compile(i.index(), scope));
        }
        return Paths.index(compile(i.target(), scope), compile(i.index(), scope));
    }

    private Eval template(TemplateExpr t, Scope scope) {
        List<String> texts = new ArrayList<>();
        List<Eval> holes = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (TemplateExpr.Part p : t.parts()) {
            if (p instanceof TemplateExpr.Text x) {
                pending.append(x.text());
            } else {
                texts.add(pending.toString());
                pending.setLength(0);
                holes.add(compile(((TemplateExpr.Hole) p).expr(), scope));
            }
        }
        texts.add(pending.toString());
        return Templating.of(texts.toArray(String[]::new), holes.toArray(Eval[]::new));
    }

    private Eval list(ListExpr l, Scope scope) {
        Eval[] items = l.items().stream().map(x -> compile(x, scope)).toArray(Eval[]::new);
        return env -> {
            ArrayNode a = Values.NODES.arrayNode(items.length);
            for (Eval item : items) {
                JsonNode v = item.eval(env);
                a.add(v == null ? Values.NODES.nullNode() : v);
            }
            return a;
        };
    }

    private Eval object(ObjectExpr o, Scope scope) {
        String[] keys = o.fields().stream().map(ObjectExpr.Field::key).toArray(String[]::new);
        Eval[] values = o.fields().stream().map(f -> compile(f.value(), scope)).toArray(Eval[]::new);
        return env -> {
            ObjectNode obj = Values.NODES.objectNode();
            for (int i = 0; i < keys.length; i++) {
                JsonNode v = values[i].eval(env);
                if (v != null) obj.set(keys[i], v);
            }
            return obj;
        };
    }
}
