package io.leadflow.runtime.exec;

import io.leadflow.runtime.schedule.JobRegistry;
import java.time.Duration;

/**
 * Executor settings.
 *
 * @param maxInFlight   leads held in memory at once (running, waiting in a lane, or waiting to retry);
 *                      past it the executor stops claiming and the rest wait in the journal
 * @param maxActive     lanes executing a step at the same moment; a step mostly waits for group commits,
 *                      so 64 capped delivery (T12) while each connector's token bucket and HTTP pool,
 *                      not this, bound what a CRM receives
 * @param pollInterval  how often the journal is polled for due leads besides append wake-ups
 * @param retry         the retry schedule
 * @param jobs          the schedule job registry (L11)
 * @param listener      metrics hooks
 * @param stopTimeout   how long {@link Engine#stop()} waits for in-flight calls before parking them
 */
public record EngineOptions(int maxInFlight, int maxActive, Duration pollInterval, RetryPolicy retry,
                            JobRegistry jobs, ExecutionListener listener, Duration stopTimeout) {

    public static EngineOptions defaults() {
        return new EngineOptions(10_000, 256, Duration.ofMillis(250), RetryPolicy.defaults(),
                JobRegistry.builtins(), ExecutionListener.NONE, Duration.ofSeconds(10));
    }

    public EngineOptions withRetry(RetryPolicy r) {
        return new EngineOptions(maxInFlight, maxActive, pollInterval, r, jobs, listener, stopTimeout);
    }

    public EngineOptions withJobs(JobRegistry j) {
        return new EngineOptions(maxInFlight, maxActive, pollInterval, retry, j, listener, stopTimeout);
    }

    public EngineOptions withListener(ExecutionListener l) {
        return new EngineOptions(maxInFlight, maxActive, pollInterval, retry, jobs, l, stopTimeout);
    }

    public EngineOptions withPollInterval(Duration p) {
        return new EngineOptions(maxInFlight, maxActive, p, retry, jobs, listener, stopTimeout);
    }

    public EngineOptions withStopTimeout(Duration t) {
        return new EngineOptions(maxInFlight, maxActive, pollInterval, retry, jobs, listener, t);
    }

    public EngineOptions withConcurrency(int inFlight, int active) {
        return new EngineOptions(inFlight, active, pollInterval, retry, jobs, listener, stopTimeout);
    }
}
