package io.leadflow.runtime.journal;

/** A registry paging cursor this journal never gave out: the client's mistake (the edge answers 400), not an outage. */
public final class BadCursorException extends IllegalArgumentException {
    public BadCursorException(String cursor) {
        super("cursor '" + (cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor) + "' is not one this registry gave out");
    }
}
