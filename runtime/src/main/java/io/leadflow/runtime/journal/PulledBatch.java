package io.leadflow.runtime.journal;

import java.util.List;
import java.util.Objects;

/**
 * What one poll of a pull source read: the leads it produced and the feed position after them,
 * to be committed together by {@link Journal#appendPulled}.
 *
 * @param key      the cursor's name ({@link SourceCursor#key()})
 * @param expected the position the poll started from, as {@link Journal#cursor} gave it; null when the cursor did not exist
 * @param next     the position after the last record of this poll (may equal {@code expected} when nothing was read but the
 *                 poll is still to be recorded; may be reached with no leads, e.g. records the flow's source does not turn into leads)
 * @param leads    the leads, in feed order; each is appended exactly as {@link Journal#append} would (its event-id dedupe included)
 */
public record PulledBatch(String key, String expected, String next, List<IncomingLead> leads) {
    public PulledBatch {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(next, "next");
        leads = List.copyOf(leads);
    }
}
