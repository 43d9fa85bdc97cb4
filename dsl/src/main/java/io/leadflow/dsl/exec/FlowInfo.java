package io.leadflow.dsl.exec;

import java.time.Duration;
import java.util.Map;

/**
 * The declarative facts of a flow (names, source, target, delay, marker, and how a sender's
 * retry is told apart: {@code eventKey}, null when the flow has no event id).
 */
public record FlowInfo(String name, String source, Map<String, Object> sourceArgs, String connector, String account,
                       Duration delay, String marker, EventKey eventKey) {
    public FlowInfo {
        sourceArgs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sourceArgs));
    }
}
