package io.leadflow.runtime.exec;

import io.leadflow.connector.CrmConnector;
import io.leadflow.runtime.journal.LeadStatus;
import io.vertx.core.Future;
import java.util.Optional;

/** One lane-ordered step of a run: decide if not yet decided, then perform the effects. */
final class StepRunner {
    private final ConnectorRegistry connectors;
    private final Decider decider;
    private final EffectRunner effects;
    private final Outcomes outcomes;

    StepRunner(ConnectorRegistry connectors, Decider decider, EffectRunner effects, Outcomes outcomes) {
        this.connectors = connectors;
        this.decider = decider;
        this.effects = effects;
        this.outcomes = outcomes;
    }

    Future<StepResult> step(LeadRun run) {
        Optional<CrmConnector> connector = connectors.connector(run.connector, run.account);
        if (connector.isEmpty()) {
            String reason = "no CRM account configured for " + run.connector + "/" + run.account;
            return run.decided ? outcomes.finish(run, LeadStatus.DEAD, reason)
                    : decider.finalRecord(run, run.evaluation.trace(), LeadStatus.DEAD, reason);
        }
        if (run.decided) return effects.run(run, connector.get());
        return decider.decide(run, connector.get())
                .compose(r -> r != null ? Future.succeededFuture(r) : effects.run(run, connector.get()));
    }
}
