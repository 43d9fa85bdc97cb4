package io.leadflow.runtime.exec;

import java.time.Duration;

/** The lookup behind a decision not yet committed is older than the bound: decide again before sending. */
final class StaleLookup extends RuntimeException {
    StaleLookup(Duration age) {
        super("the lookup behind the decision is " + age.toMillis() + " ms old; it is redone before anything is sent", null, false, false);
    }

    /** Whether {@code e} or one of its causes is a stale lookup (a connector may wrap the gate's failure). */
    static boolean in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof StaleLookup) return true;
        return false;
    }
}
