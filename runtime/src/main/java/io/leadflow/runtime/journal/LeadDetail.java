package io.leadflow.runtime.journal;

import java.util.List;
import java.util.Map;

/**
 * Everything the registry shows for one lead (raw fields are PII: show only to admins).
 *
 * @param summary        the list row
 * @param sourceEventId  the sender's event id, or null
 * @param idempotencyKey the client's key, or null
 * @param contentType    the body's media type
 * @param body           the raw body as received
 * @param headers        received headers (scrubbed)
 * @param run            the current run number (1 + replays)
 * @param firstRuleVersion content hash of the rules that first ran it (what ORIGINAL replays), or null
 * @param attempts       how many times its current run was tried (lookups and effects)
 * @param nextAt         when it runs next, or null
 * @param traceJson      the decision trace of the current run as JSON ({@code {"steps":[…]}}), or null
 * @param effects        every recorded effect of every run, in (run, index) order
 */
public record LeadDetail(LeadSummary summary, String sourceEventId, String idempotencyKey, String contentType,
                         byte[] body, Map<String, String> headers, int run, String firstRuleVersion, int attempts,
                         java.time.Instant nextAt, String traceJson, List<EffectView> effects) {
    public LeadDetail {
        headers = Map.copyOf(headers);
        effects = List.copyOf(effects);
    }
}
