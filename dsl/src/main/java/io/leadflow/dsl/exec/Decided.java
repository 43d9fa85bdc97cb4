package io.leadflow.dsl.exec;

import io.leadflow.dsl.compile.Targeted;

/** The product of {@code check-decisions}: the checked flows and how to build each flow's decision plan. */
public record Decided(Targeted targeted, DecisionPlanFactory plans) { }
