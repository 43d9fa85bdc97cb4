package io.leadflow.runtime.exec;

import java.time.Instant;

/** How a step of a lead run ended: the run is over, or it waits until {@code until} (a retry). */
record StepResult(Instant until) {
    static final StepResult FINISHED = new StepResult(null);

    static StepResult waitUntil(Instant until) {
        return new StepResult(until);
    }

    boolean finished() {
        return until == null;
    }
}
