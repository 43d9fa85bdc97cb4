package io.leadflow.runtime.schedule;

import io.vertx.core.Future;

/** One job a schedule can name. Non-blocking: do blocking work on a worker and return its future. */
@FunctionalInterface
public interface ScheduledJob {

    /** Runs once for one period; a failed future is recorded as the run's error (not retried before the next period). */
    Future<Void> run(JobContext context);
}
