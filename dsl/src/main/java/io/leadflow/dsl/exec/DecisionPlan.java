package io.leadflow.dsl.exec;

import io.leadflow.dsl.Decision;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.eval.Env;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import java.time.Clock;
import java.util.Optional;

/**
 * The part of a flow that talks about the CRM: what to look up after the filters and what the
 * lead becomes given what was found ({@code find}, {@code when}, managers). Built per flow
 * by the decisions phase's {@link DecisionPlanFactory}. Implementations are immutable and thread-safe.
 */
public interface DecisionPlan {

    /** What to look up for an evaluated lead; only called for flows that have a {@code find}. */
    Optional<LookupRequest> lookup(Env env, FlowProgram flow);

    Decision decide(LeadEvaluation evaluation, Found found, ManagerState managers, Clock clock);
}
