package io.leadflow.runtime.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A lead as received, before it is stored.
 *
 * @param flow           the flow named in the URL ({@code POST /v1/leads/{flow}})
 * @param source         the authenticated sender (source name), the scope of both dedupe keys
 * @param sourceEventId  the sender's own event/order id (webhook id), or null
 * @param idempotencyKey the client's {@code Idempotency-Key} header, or null
 * @param body           the raw body as received
 * @param contentType    its media type ({@code application/json}, {@code application/x-www-form-urlencoded})
 * @param headers        received headers, already scrubbed of secrets (tokens, signatures)
 * @param receivedAt     when the edge received it (the L10 delay counts from here)
 * @param dedupeWindow   how long a repeat of {@code sourceEventId} is the sender's retry (stored as a
 *                       duplicate of the first lead); null: always
 */
public record IncomingLead(String flow, String source, String sourceEventId, String idempotencyKey,
                           byte[] body, String contentType, Map<String, String> headers, Instant receivedAt,
                           Duration dedupeWindow) {

    /** A lead whose event id, if any, is a duplicate whenever it repeats. */
    public IncomingLead(String flow, String source, String sourceEventId, String idempotencyKey,
                        byte[] body, String contentType, Map<String, String> headers, Instant receivedAt) {
        this(flow, source, sourceEventId, idempotencyKey, body, contentType, headers, receivedAt, null);
    }

    public IncomingLead {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(receivedAt, "receivedAt");
        headers = Map.copyOf(headers);
    }
}
