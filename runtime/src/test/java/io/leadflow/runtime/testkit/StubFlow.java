package io.leadflow.runtime.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ManagerState;
import io.leadflow.spi.record.Found;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** A flow with a name and a target only: the edge never runs a flow, it only routes to one. */
public record StubFlow(String name, String connector, String account) implements Flow {
    @Override public String source() { return "test.source"; }
    @Override public Map<String, Object> sourceArgs() { return Map.of(); }
    @Override public Duration delay() { return Duration.ZERO; }
    @Override public String marker() { return null; }
    @Override public Evaluation evaluate(JsonNode lead, Clock clock) { throw new UnsupportedOperationException("edge tests do not run flows"); }
    @Override public Decision decide(Evaluation e, Found f, ManagerState m, Clock c) { throw new UnsupportedOperationException("edge tests do not run flows"); }
    @Override public ObjectNode map(JsonNode lead, Clock clock) { throw new UnsupportedOperationException("edge tests do not run flows"); }
}
