package io.leadflow.dsl.exec;

import java.time.Duration;
import java.util.Map;

/** The declarative facts of a flow (names, source, target, delay, marker). */
public record FlowInfo(String name, String source, Map<String, Object> sourceArgs, String connector, String account,
                       Duration delay, String marker) {
    public FlowInfo {
        sourceArgs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sourceArgs));
    }
}
