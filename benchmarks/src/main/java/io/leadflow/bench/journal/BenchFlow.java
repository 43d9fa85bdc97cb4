package io.leadflow.bench.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.Program;
import io.leadflow.dsl.Trace;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed flow for executor measurements until compiled flows are on main: every lead becomes
 * "create contact, then a deal for it", laned by its {@code phone}.
 */
final class BenchFlow implements Flow {
    record Eval(String contactKey, JsonNode lead) implements Evaluation {
        @Override public Optional<String> dropReason() { return Optional.empty(); }
        @Override public Optional<LookupRequest> lookup() { return Optional.empty(); }
        @Override public Trace trace() { return new Trace(List.of()); }
    }

    static Program program() {
        Flow flow = new BenchFlow();
        return new Program() {
            @Override public List<Flow> flows() { return List.of(flow); }
            @Override public Optional<Flow> flow(String name) { return Optional.of(flow); }
            @Override public String contentHash() { return "bench"; }
            @Override public List<Schedule> schedules() { return List.of(); }
        };
    }

    @Override public String name() { return "orders"; }
    @Override public String source() { return "bench"; }
    @Override public Map<String, Object> sourceArgs() { return Map.of(); }
    @Override public String connector() { return "null"; }
    @Override public String account() { return "default"; }
    @Override public Duration delay() { return Duration.ZERO; }
    @Override public String marker() { return null; }

    @Override
    public Evaluation evaluate(JsonNode lead, Clock clock) {
        return new Eval(lead.path("phone").asText(), lead);
    }

    @Override
    public Decision decide(Evaluation evaluation, Found found, ManagerState managers, Clock clock) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("phone", evaluation.contactKey());
        return new Decision(List.of(new CreateContact(fields, null), new CreateDeal(new RecordRef.Created(0), fields, null, false)),
                managers, new Trace(List.of()), Optional.empty());
    }

    @Override
    public ObjectNode map(JsonNode lead, Clock clock) {
        return JsonNodeFactory.instance.objectNode();
    }
}
