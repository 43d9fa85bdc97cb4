package io.leadflow.dsl.exec;

import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.eval.Values;

/** {@code drop when} (keep = false) or {@code keep when} (keep = true), compiled. */
public record CompiledFilter(boolean keep, Eval condition, String reason, SourceSpan span) {

    /** True when this filter drops the lead. */
    public boolean drops(Env env) {
        boolean holds = Values.truthy(condition.eval(env));
        return keep != holds;
    }
}
