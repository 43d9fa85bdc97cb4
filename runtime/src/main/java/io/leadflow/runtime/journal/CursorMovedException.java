package io.leadflow.runtime.journal;

/**
 * {@link Journal#appendPulled} found the cursor somewhere other than where the poll started
 * (another poller of the same key committed first, or a restart re-read an older position):
 * nothing of the batch was stored. The puller re-reads the cursor and polls again from there.
 */
public final class CursorMovedException extends RuntimeException {
    private final String key;
    private final String expected;
    private final String actual;

    public CursorMovedException(String key, String expected, String actual) {
        super("cursor '" + key + "' is at " + (actual == null ? "(none)" : "'" + actual + "'") + ", not at "
                + (expected == null ? "(none)" : "'" + expected + "'") + " where this poll started; nothing was stored", null, false, false);
        this.key = key;
        this.expected = expected;
        this.actual = actual;
    }

    public String key() {
        return key;
    }

    public String expected() {
        return expected;
    }

    /** The stored position, null when the cursor does not exist. */
    public String actual() {
        return actual;
    }
}
