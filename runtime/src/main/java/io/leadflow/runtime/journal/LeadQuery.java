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
 */
public record LeadQuery(String flow, LeadStatus status, Instant from, Instant to, int limit, String cursor) {

    public static final int MAX_LIMIT = 1000;

    public static LeadQuery all(int limit) {
        return new LeadQuery(null, null, null, null, limit, null);
    }

    public int clampedLimit() {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
