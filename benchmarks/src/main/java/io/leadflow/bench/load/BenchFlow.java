package io.leadflow.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.Trace;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.record.Found;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The load run's flow "bench": every lead becomes one deal at bench/main (a hand-built flow, no dsl needed). */
final class BenchFlow implements Flow {
    @Override public String name() { return "bench"; }
    @Override public String source() { return "bench.leads"; }
    @Override public Map<String, Object> sourceArgs() { return Map.of(); }
    @Override public String connector() { return "bench"; }
    @Override public String account() { return "main"; }
    @Override public Duration delay() { return Duration.ZERO; }
    @Override public String marker() { return null; }

    @Override
    public Evaluation evaluate(JsonNode lead, Clock clock) {
        return new BenchEvaluation(lead.path("key").asText("none"));
    }

    @Override
    public Decision decide(Evaluation evaluation, Found found, ManagerState managers, Clock clock) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("title", "Order " + evaluation.contactKey());
        return new Decision(List.of(new CreateDeal(null, fields, null, false)), managers, new Trace(List.of()), Optional.empty());
    }

    @Override
    public ObjectNode map(JsonNode lead, Clock clock) {
        return JsonNodeFactory.instance.objectNode();
    }
}
