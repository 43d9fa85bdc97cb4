package io.leadflow.runtime.journal;

import java.time.Instant;

/**
 * A registry filter; null components do not filter.
 *
 * @param flow   only this flow
 * @param status only this status
 * @param from   received at or after
 * @param to     received before
 * @param limit  at most this many (1..1000; the store clamps it)
 * @param cursor the {@link LeadSummary#cursor()} of the last row of the previous page, or null for the first page
 * @param text   only leads whose id or event id is this text, or whose raw body contains it (case-insensitive),
 *               or, when it has 4 or more digits, whose body holds those digits once spaces, dashes, dots,
 *               brackets and plus signs are removed (a phone typed in any format); null or blank: no filter.
 *               Every {@link Journal} implementation must apply it (the console's search relies on it).
 */
public record LeadQuery(String flow, LeadStatus status, Instant from, Instant to, int limit, String cursor, String text) {

    public static final int MAX_LIMIT = 1000;

    public LeadQuery(String flow, LeadStatus status, Instant from, Instant to, int limit, String cursor) {
        this(flow, status, from, to, limit, cursor, null);
    }

    /** The search text, trimmed, or null when there is none. */
    public String searchText() {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The digits of the search text when it has at least 4 (a phone fragment), else null. */
    public String searchDigits() {
        String t = searchText();
        if (t == null) return null;
        String d = t.replaceAll("\\D", "");
        return d.length() >= 4 ? d : null;
    }

    public static LeadQuery all(int limit) {
        return new LeadQuery(null, null, null, null, limit, null);
    }

    public int clampedLimit() {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
