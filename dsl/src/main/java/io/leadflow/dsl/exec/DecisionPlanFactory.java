package io.leadflow.dsl.exec;

import io.leadflow.dsl.compile.FlowUnit;

/**
 * Builds a checked flow's decision plan; the product of the decisions phase, asked by the build
 * for each flow. It may compile expressions with the given compiler and allocate slots on the
 * unit (before the build reads the slot count).
 */
public interface DecisionPlanFactory {
    DecisionPlan plan(FlowUnit unit, ExprCompiler exprs);
}
