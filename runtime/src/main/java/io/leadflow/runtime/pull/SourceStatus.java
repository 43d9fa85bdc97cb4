package io.leadflow.runtime.pull;

import java.time.Instant;

/**
 * One pull source as {@code GET /v1/sources} shows it (the cursor itself comes from the journal).
 *
 * @param lastPoll     when the last read finished (answered or failed)
 * @param caughtUpAt   when a read last reached the end of the feed; lag is counted from it
 * @param lastError    the last read's or commit's failure, null after a success
 * @param nextPoll     when the next read is due
 * @param leads        leads recorded by this process (the journal's cursor counts across restarts)
 */
public record SourceStatus(PullSpec spec, String state, Instant lastPoll, Instant caughtUpAt, String lastError,
                           Instant lastErrorAt, Instant nextPoll, long leads, int failuresInARow) { }
