package io.leadflow.dsl.compile;

import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.Arg;
import io.leadflow.dsl.ast.Expr;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.diag.Suggest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Puts a call's arguments in parameter order: positional first, then by name; reports arity and unknown names. */
public final class CallArgs {
    private CallArgs() { }

    /**
     * @param params   the parameter names in order
     * @param required how many must be given
     * @param variadic the last parameter repeats (no named arguments then)
     * @return arguments by parameter position (null where not given), or null after an error (reported when the sink is not null)
     */
    public static Expr[] arrange(String fn, List<String> params, int required, boolean variadic, List<Arg> args,
                          SourceSpan at, Diagnostics sink) {
        List<Expr> positional = new ArrayList<>();
        int n = variadic ? Math.max(params.size(), args.size()) : params.size();
        Expr[] out = new Expr[n];
        boolean ok = true;
        for (Arg a : args) {
            if (a.name().isEmpty()) {
                positional.add(a.value());
                continue;
            }
            int i = params.indexOf(a.name().get());
            if (i < 0 || variadic) {
                report(sink, DiagnosticCode.LF307, fn + " has no parameter '" + a.name().get() + "'" + Suggest.hint(a.name().get(), params), a.span());
                ok = false;
            } else if (i < positional.size() || out[i] != null) {
                report(sink, DiagnosticCode.LF307, "'" + a.name().get() + "' is given twice", a.span());
                ok = false;
            } else {
                out[i] = a.value();
            }
        }
        if (!variadic && positional.size() > params.size()) {
            report(sink, DiagnosticCode.LF302, fn + " takes at most " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
                    + ", got " + args.size(), at);
            return null;
        }
        for (int i = 0; i < positional.size(); i++) out[i] = positional.get(i);
        long given = Arrays.stream(out).filter(x -> x != null).count();
        boolean missing = false;
        for (int i = 0; i < required && i < out.length; i++) missing |= out[i] == null;
        if (missing) {
            report(sink, DiagnosticCode.LF302, fn + " needs " + (required == params.size() || variadic ? "" : "at least ") + required
                    + " argument" + (required == 1 ? "" : "s") + ", got " + given, at);
            return null;
        }
        return ok ? out : null;
    }

    private static void report(Diagnostics sink, DiagnosticCode code, String message, SourceSpan at) {
        if (sink != null) sink.error(code, message, at);
    }
}
