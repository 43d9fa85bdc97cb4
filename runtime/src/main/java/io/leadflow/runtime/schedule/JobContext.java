package io.leadflow.runtime.schedule;

import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Map;

/**
 * What a job run is given.
 *
 * @param schedule    the schedule's name
 * @param args        the job's arguments from the rule file, as constants
 * @param periodStart the start of the period this run covers
 * @param declaredAt  where the schedule is declared ({@code file:line:col})
 */
public record JobContext(Vertx vertx, String schedule, Map<String, Object> args, Instant periodStart, String declaredAt) {
    public JobContext {
        args = Map.copyOf(args);
    }
}
