package io.leadflow.runtime.schedule;

import java.util.List;

/** Why {@link Scheduler#runNow} did not start a run: what the admin API answers 404 or 409 with. */
public final class RunNowRefused extends RuntimeException {
    /** The refusal's kind: no such schedule in the current rules; it is running; nothing runs schedules here. */
    public enum Reason { UNKNOWN, RUNNING, NOT_RUNNING }

    private final Reason reason;

    private RunNowRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static RunNowRefused unknown(String name, List<String> declared) {
        return new RunNowRefused(Reason.UNKNOWN, "the current rules declare no schedule '" + name + "' (schedules: "
                + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")");
    }

    public static RunNowRefused running(String name) {
        return new RunNowRefused(Reason.RUNNING, "schedule '" + name + "' is running now; ask again once GET /v1/schedules shows its run finished");
    }

    /** Also for a node that does not deliver (paused delivery, a standby node without the delivery lease). */
    public static RunNowRefused notRunning() {
        return new RunNowRefused(Reason.NOT_RUNNING, "schedules do not run on this node now (delivery is paused, or another node"
                + " is the coordinator of the shared journal): nothing was started");
    }
}
