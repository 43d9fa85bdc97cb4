package io.leadflow.runtime.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Test leads. */
public final class Leads {
    private Leads() { }

    public static IncomingLead json(String flow, String sourceEventId, String body, Instant receivedAt) {
        return new IncomingLead(flow, "shop", sourceEventId, null, body.getBytes(StandardCharsets.UTF_8),
                "application/json", Map.of("user-agent", "test"), receivedAt);
    }

    public static IncomingLead keyed(String idempotencyKey, String body) {
        return new IncomingLead("orders", "shop", null, idempotencyKey, body.getBytes(StandardCharsets.UTF_8),
                "application/json", Map.of(), Instant.parse("2026-01-01T00:00:00Z"));
    }
}
