package io.leadflow.runtime.exec;

import io.leadflow.runtime.journal.LeadStatus;
import java.time.Duration;

/**
 * Hooks for metrics (the edge wires Micrometer counters and timers). Called on the executor's
 * context; must not block. Every method has an empty default.
 */
public interface ExecutionListener {

    ExecutionListener NONE = new ExecutionListener() { };

    /** A run ended: DONE, DROPPED or DEAD; {@code sinceReceived} is the end-to-end latency. */
    default void leadFinished(String flow, LeadStatus status, Duration sinceReceived) { }

    /** A run step failed retryably and is scheduled again. */
    default void leadRetried(String flow, String error) { }

    /** One effect was sent; {@code ok} false when it failed. {@code took} is the connector call time. */
    default void effectSent(String connector, String kind, boolean ok, Duration took) { }

    /** The CRM lookup took {@code took}. */
    default void lookupDone(String connector, Duration took) { }
}
