package io.leadflow.dsl.exec;

import io.leadflow.dsl.eval.Env;

/** A value computed once per lead before the filters (a flow let, the normalised phone), stored in its slot. */
@FunctionalInterface
public interface PerLeadStep {
    void run(Env env);
}
