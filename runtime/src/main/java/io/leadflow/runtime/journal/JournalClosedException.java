package io.leadflow.runtime.journal;

/** The journal is closing or closed: nothing was stored. The edge answers 503. */
public final class JournalClosedException extends RuntimeException {
    public JournalClosedException() {
        super("journal is closed", null, false, false);
    }
}
