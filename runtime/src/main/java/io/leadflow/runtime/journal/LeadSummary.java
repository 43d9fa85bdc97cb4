package io.leadflow.runtime.journal;

import java.time.Instant;

/**
 * One row of the registry list.
 *
 * @param leadId      the lead's id
 * @param flow        its flow
 * @param source      its sender
 * @param status      where it is
 * @param receivedAt  when it was received
 * @param updatedAt   when its status last changed
 * @param ruleVersion content hash of the rules that ran its current run, or null before it ran
 * @param reason      drop reason or dead-letter reason, else null
 * @param cursor      opaque paging cursor: pass it as {@link LeadQuery#cursor()} for the next page
 * @param duplicateOf for a {@link LeadStatus#DUPLICATE}: the id of the first lead with the same event id, else null
 */
public record LeadSummary(String leadId, String flow, String source, LeadStatus status, Instant receivedAt,
                          Instant updatedAt, String ruleVersion, String reason, String cursor, String duplicateOf) {

    public LeadSummary(String leadId, String flow, String source, LeadStatus status, Instant receivedAt,
                       Instant updatedAt, String ruleVersion, String reason, String cursor) {
        this(leadId, flow, source, status, receivedAt, updatedAt, ruleVersion, reason, cursor, null);
    }
}
