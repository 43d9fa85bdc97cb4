package io.leadflow.dsl.exec;

import io.leadflow.dsl.compile.CompileContext;
import io.leadflow.dsl.compile.FlowUnit;

/**
 * Registered in the {@link CompileContext} (as an extension) by a phase that runs before
 * {@code build}; the build asks it for each flow's plan. It may compile expressions with the
 * given compiler and allocate slots on the unit (before the build reads the slot count).
 */
public interface DecisionPlanFactory {
    DecisionPlan plan(FlowUnit unit, ExprCompiler exprs, CompileContext ctx);
}
