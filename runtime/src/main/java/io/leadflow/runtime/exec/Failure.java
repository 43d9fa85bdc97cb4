package io.leadflow.runtime.exec;

import io.leadflow.spi.error.AuthException;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.error.RetryableException;
import java.time.Duration;

/**
 * What a failed connector call means for the run: try again (after at least {@code retryAfter};
 * reconcile first when {@code inDoubt}), or dead letter with {@code reason}.
 */
record Failure(boolean retry, boolean inDoubt, Duration retryAfter, String reason) {

    /**
     * @param sent whether the failed call may have reached the CRM (an effect's apply): an
     *             unexpected exception there is treated as in doubt, never as "not sent"
     */
    static Failure of(Throwable t, boolean sent) {
        if (t instanceof PermanentException p) return new Failure(false, false, null, "CRM refused: " + p.getMessage()
                + (p.status() > 0 ? " (HTTP " + p.status() + ")" : ""));
        if (t instanceof AuthException a) return new Failure(false, false, null, "CRM refused the credentials: " + a.getMessage());
        if (t instanceof InDoubtException d) return new Failure(true, true, null, "outcome unknown: " + d.getMessage());
        if (t instanceof RetryableException r) return new Failure(true, false, r.retryAfter(), r.getMessage()
                + (r.status() > 0 ? " (HTTP " + r.status() + ")" : ""));
        String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return new Failure(true, sent, null, "unexpected " + what);
    }

    static Failure dead(String reason) {
        return new Failure(false, false, null, reason);
    }
}
