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
 * @param maxActivePerAccount leads of one CRM account executing a step at once: a lead that has started
 *                      (looked up) finishes before new leads of that account start, so under a rate-limited
 *                      backlog its create does not queue behind every other lead's lookup (the cap is 4 × the account's documented
 *                      calls per second, at most this), and the lookup
 *                      its decision used is at most this many calls old
 * @param pollInterval  how often the journal is polled for due leads besides append wake-ups
 * @param retry         the retry schedule
 * @param breakers      the per-account circuit breaker
 * @param jobs          the schedule job registry (L11)
 * @param listener      metrics hooks
 * @param stopTimeout   how long {@link Engine#stop()} waits for in-flight calls before parking them
 * @param lookupFreshFor how old the lookup behind a decision may be when its first write is about to
 *                      leave: an older one (the write waited for permits, or behind an open circuit)
 *                      is redone and the lead decided again before anything is sent
 * @param evaluationMarks which lead is being evaluated, kept where a crash leaves it (the data folder), so a lead
 *                      during whose evaluation the process ended twice is quarantined, not evaluated again
 * @param schemas       each account's field list as read at start-up (none: effects are not checked before sending)
 */
public record EngineOptions(int maxInFlight, int maxActive, int maxActivePerAccount, Duration pollInterval, RetryPolicy retry,
                            BreakerPolicy breakers, JobRegistry jobs, ExecutionListener listener, Duration stopTimeout,
                            Duration lookupFreshFor, EvaluationMarks evaluationMarks, AccountSchemas schemas) {

    /** An account's field list ({@code connector}, {@code account}), when it was read. */
    @FunctionalInterface
    public interface AccountSchemas {
        AccountSchemas NONE = (connector, account) -> java.util.Optional.empty();

        java.util.Optional<io.leadflow.spi.account.AccountSchema> of(String connector, String account);
    }

    public static EngineOptions defaults() {
        return new EngineOptions(10_000, 256, 256, Duration.ofMillis(250), RetryPolicy.defaults(), BreakerPolicy.defaults(),
                JobRegistry.builtins(), ExecutionListener.NONE, Duration.ofSeconds(10), Duration.ofSeconds(60), EvaluationMarks.none(),
                AccountSchemas.NONE);
    }

    public EngineOptions withLookupFreshFor(Duration d) {
        return new EngineOptions(maxInFlight, maxActive, maxActivePerAccount, pollInterval, retry, breakers, jobs, listener, stopTimeout, d, evaluationMarks, schemas);
    }

    public EngineOptions withRetry(RetryPolicy r) {
        return new EngineOptions(maxInFlight, maxActive, maxActivePerAccount, pollInterval, r, breakers, jobs, listener, stopTimeout, lookupFreshFor, evaluationMarks, schemas);
    }

    public EngineOptions withBreakers(BreakerPolicy b) {
        return new EngineOptions(maxInFlight, maxActive, maxActivePerAccount, pollInterval, retry, b, jobs, listener, stopTimeout, lookupFreshFor, evaluationMarks, schemas);
    }

    public EngineOptions withJobs(JobRegistry j) {
        return new EngineOptions(maxInFlight, maxActive, maxActivePerAccount, pollInterval, retry, breakers, j, listener, stopTimeout, lookupFreshFor, evaluationMarks, schemas);
    }

    public EngineOptions withListener(ExecutionListener l) {
        return new EngineOptions(maxInFlight, maxActive, maxActivePerAccount, pollInterval, retry, breakers, jobs, l, stopTimeout, lookupFreshFor, evaluationMarks, schemas);
    }

    public EngineOptions withPollInterval(Duration p) {
        return new EngineOptions(maxInFlight, maxActive, maxActivePerAccount, p, retry, breakers, jobs, listener, stopTimeout, lookupFreshFor, evaluationMarks, schemas);
    }

    public EngineOptions withStopTimeout(Duration t) {
        return new EngineOptions(maxInFlight, maxActive, maxActivePerAccount, pollInterval, retry, breakers, jobs, listener, t, lookupFreshFor, evaluationMarks, schemas);
    }

    public EngineOptions withEvaluationMarks(EvaluationMarks m) {
        return new EngineOptions(maxInFlight, maxActive, maxActivePerAccount, pollInterval, retry, breakers, jobs, listener, stopTimeout, lookupFreshFor, m, schemas);
    }

    public EngineOptions withSchemas(AccountSchemas s) {
        return new EngineOptions(maxInFlight, maxActive, maxActivePerAccount, pollInterval, retry, breakers, jobs, listener, stopTimeout, lookupFreshFor, evaluationMarks, s);
    }

    public EngineOptions withConcurrency(int inFlight, int active) {
        return new EngineOptions(inFlight, active, maxActivePerAccount, pollInterval, retry, breakers, jobs, listener, stopTimeout, lookupFreshFor, evaluationMarks, schemas);
    }

    public EngineOptions withPerAccount(int perAccount) {
        return new EngineOptions(maxInFlight, maxActive, perAccount, pollInterval, retry, breakers, jobs, listener, stopTimeout, lookupFreshFor, evaluationMarks, schemas);
    }
}
