package io.leadflow.runtime.journal;

/** The lead is still waiting or running; only DONE, DROPPED or DEAD leads replay (the edge answers 409). */
public final class ReplayNotAllowedException extends RuntimeException {
    public ReplayNotAllowedException(String leadId, LeadStatus status) {
        super("lead " + leadId + " is " + status.name().toLowerCase(java.util.Locale.ROOT)
                + "; only done, dropped or dead leads can be replayed", null, false, false);
    }
}
