package io.leadflow.runtime.exec;

import java.time.Instant;

/**
 * How a step of a lead run ended: the run is over, or it waits until {@code until} (a retry), or
 * it was not run because its account's circuit is open ({@code parked}: it waits in memory for
 * the account, not on a timer of its own; {@code until} is when the next probe may go).
 */
record StepResult(Instant until, boolean parked) {
    static final StepResult FINISHED = new StepResult(null, false);

    static StepResult waitUntil(Instant until) {
        return new StepResult(until, false);
    }

    static StepResult parked(Instant nextProbe) {
        return new StepResult(nextProbe, true);
    }

    boolean finished() {
        return until == null;
    }
}
