package io.leadflow.dsl.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.CallExpr;
import io.leadflow.dsl.ast.Expr;
import io.leadflow.dsl.ast.TemplateDecl;
import io.leadflow.dsl.builtin.BuiltinSpec;
import io.leadflow.dsl.builtin.Builtins;
import io.leadflow.dsl.builtin.Fn;
import io.leadflow.dsl.builtin.Param;
import io.leadflow.dsl.compile.CallArgs;
import io.leadflow.dsl.compile.CallSite;
import io.leadflow.dsl.compile.Scope;
import io.leadflow.dsl.compile.Symbol;
import io.leadflow.dsl.eval.Eval;
import java.util.HashMap;
import java.util.Map;

/** Compiles calls: a builtin is bound once to its call site; a user template is expanded in place. */
final class Calls {
    private final ExprCompiler exprs;
    private final Builtins builtins;

    Calls(ExprCompiler exprs, Builtins builtins) {
        this.exprs = exprs;
        this.builtins = builtins;
    }

    Eval compile(CallExpr c, Scope scope) {
        var template = scope.find(c.name()).filter(s -> s.kind() == Symbol.Kind.TEMPLATE);
        if (template.isPresent()) return template((TemplateDecl) template.get().decl(), c, scope);
        BuiltinSpec spec = builtins.find(c.name()).orElseThrow();
        Expr[] args = CallArgs.arrange(c.name(), spec.params().stream().map(Param::name).toList(), spec.minArgs(),
                spec.variadic(), c.args(), c.span(), null);
        Eval[] evals = new Eval[args.length];
        for (int i = 0; i < args.length; i++) evals[i] = args[i] == null ? env -> null : exprs.compile(args[i], scope);
        Fn fn = spec.binder().bind(new CallSite(args, c.span(), null));
        SourceSpan at = c.span();
        String name = c.name();
        return env -> {
            JsonNode[] values = new JsonNode[evals.length];
            for (int i = 0; i < evals.length; i++) values[i] = evals[i].eval(env);
            return CodeSupport.call(fn, values, env, at, name);
        };
    }

    private Eval template(TemplateDecl t, CallExpr c, Scope scope) {
        Expr[] args = CallArgs.arrange(c.name(), t.params(), t.params().size(), false, c.args(), c.span(), null);
        Map<String, Eval> bound = new HashMap<>();
        for (int i = 0; i < t.params().size(); i++) {
            bound.put(t.params().get(i), args[i] == null ? env -> null : exprs.compile(args[i], scope));
        }
        Scope body = exprs.fileScope(t);
        for (String p : t.params()) body = body.with(Symbol.of(Symbol.Kind.PARAM, p, t));
        return exprs.withParams(bound).compile(t.body(), body);
    }
}
