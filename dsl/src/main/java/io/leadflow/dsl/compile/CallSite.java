package io.leadflow.dsl.compile;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.Expr;
import io.leadflow.dsl.builtin.Binding;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.eval.Values;

/**
 * A builtin's view of one call: its arguments in parameter order. The type phase binds with a
 * sink (so a bad constant regex is reported); the build binds again without one.
 */
public record CallSite(Expr[] args, SourceSpan span, Diagnostics sink) implements Binding {

    @Override
    public JsonNode constant(int i) {
        return i < args.length && args[i] != null ? Values.norm(Constants.of(args[i])) : null;
    }

    @Override
    public boolean given(int i) {
        return i < args.length && args[i] != null;
    }

    @Override
    public void error(int argIndex, DiagnosticCode code, String message) {
        if (sink != null) sink.error(code, message, given(argIndex) ? args[argIndex].span() : span);
    }
}
