package io.leadflow.runtime.schedule;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/** The last run of each named schedule whose job reports one ({@code GET /v1/schedules} {@code lastRun}). */
@FunctionalInterface
public interface ScheduleRuns {
    ScheduleRuns NONE = schedules -> Future.succeededFuture(Map.of());

    /** Per schedule name (only those with a run to show): the run's fields. */
    Future<Map<String, Map<String, Object>>> lastRuns(List<String> schedules);
}
