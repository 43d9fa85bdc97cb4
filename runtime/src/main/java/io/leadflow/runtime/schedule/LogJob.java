package io.leadflow.runtime.schedule;

import io.vertx.core.Future;
import java.util.logging.Logger;

/** The built-in {@code log} job: one log line per run, so a schedule can be tried before real jobs exist. */
final class LogJob implements ScheduledJob {
    private static final Logger LOG = Logger.getLogger(LogJob.class.getName());

    @Override
    public Future<Void> run(JobContext context) {
        Object message = context.args().get("message");
        LOG.info(() -> "schedule " + context.schedule() + " ran for period " + context.periodStart()
                + (message == null ? "" : ": " + message));
        return Future.succeededFuture();
    }
}
