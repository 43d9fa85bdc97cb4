package io.leadflow.connector.emulator;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Calls received per operation ({@code GET /v1/clients}, or Baselinker's {@code method}), for tests and benchmarks. */
public final class RequestCounters {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void increment(String operation) {
        counts.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    public long get(String operation) {
        LongAdder a = counts.get(operation);
        return a == null ? 0 : a.sum();
    }

    /** Sum over all operations. */
    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    public void reset() {
        counts.clear();
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        snapshot().forEach(o::put);
        return o;
    }
}
