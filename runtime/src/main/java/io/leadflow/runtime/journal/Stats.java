package io.leadflow.runtime.journal;

import java.util.Map;

/**
 * Store figures for metrics and health.
 *
 * @param writerQueueDepth writes waiting for the writer thread now
 * @param writerQueueCapacity when the depth reaches this, appends fail with {@link JournalOverloadedException}
 * @param leadsByStatus    stored leads per status (every status present, zero included); may be up to 1 s old
 * @param effectsByState   stored effects per state (every state present); may be up to 1 s old
 * @param commits          transactions committed since start (each one fsync with synchronous=FULL)
 * @param rowsCommitted    write operations committed since start (appends and ledger writes)
 * @param appendsAccepted  new leads stored since start
 * @param appendsDuplicate duplicate appends absorbed since start
 * @param appendsRejected  appends refused as overloaded since start
 */
public record Stats(int writerQueueDepth, int writerQueueCapacity, Map<LeadStatus, Long> leadsByStatus,
                    Map<EffectState, Long> effectsByState, long commits, long rowsCommitted,
                    long appendsAccepted, long appendsDuplicate, long appendsRejected) {

    public Stats {
        leadsByStatus = Map.copyOf(leadsByStatus);
        effectsByState = Map.copyOf(effectsByState);
    }

    /** Mean writes per commit since start (the group-commit batch size). */
    public double meanBatch() {
        return commits == 0 ? 0 : (double) rowsCommitted / commits;
    }
}
