package io.leadflow.runtime.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.RuleBudgetExceededException;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.Trace;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written flow standing in for a compiled one: drops leads with {@code "drop": true},
 * breaks its budget on {@code "loop": true}, fails with an unrelated error whose class name says
 * "Budget" on {@code "odd": true}, keys lanes by {@code phone}, and decides
 * "create contact, then a deal for it" with the deal's manager rotated over ann and bob.
 */
public final class StubFlow implements Flow {
    /** Not a budget breach, though its name says "Budget": the executor must go by type, not by name. */
    public static final class BudgetLookalikeException extends RuntimeException {
        public BudgetLookalikeException() {
            super("a plain rule error");
        }
    }

    private final String name;
    private final Duration delay;
    private final String tag;

    public StubFlow(String name, Duration delay, String tag) {
        this.name = name;
        this.delay = delay;
        this.tag = tag;
    }

    record StubEvaluation(Optional<String> dropReason, Optional<LookupRequest> lookup, String contactKey, Trace trace,
                          JsonNode lead) implements Evaluation { }

    @Override public String name() { return name; }
    @Override public String source() { return "shop.orders"; }
    @Override public Map<String, Object> sourceArgs() { return Map.of(); }
    @Override public String connector() { return "fake"; }
    @Override public String account() { return "main"; }
    @Override public Duration delay() { return delay; }
    @Override public String marker() { return null; }

    @Override
    public Evaluation evaluate(JsonNode lead, Clock clock) {
        if (lead.path("loop").asBoolean()) throw new RuleBudgetExceededException(100_000, new SourceSpan("stub.flow", 1, 1, 1, 1));
        if (lead.path("odd").asBoolean()) throw new BudgetLookalikeException();
        if (lead.path("oom").asBoolean()) throw new OutOfMemoryError("Java heap space (a rule building a huge text)");
        Trace trace = new Trace(List.of(new Trace.Step("filter", "checked drop", "stub.flow:1:1", null)));
        Optional<String> drop = lead.path("drop").asBoolean() ? Optional.of("test lead") : Optional.empty();
        Optional<LookupRequest> lookup = lead.path("lookup").asBoolean()
                ? Optional.of(new LookupRequest(List.of(new io.leadflow.spi.record.LookupKey(io.leadflow.spi.record.LookupKey.Kind.PHONE,
                        lead.path("phone").asText())), false, null))
                : Optional.empty();
        return new StubEvaluation(drop, lookup, lead.path("phone").asText("none"), trace, lead);
    }

    @Override
    public Decision decide(Evaluation evaluation, Found found, ManagerState managers, Clock clock) {
        JsonNode lead = ((StubEvaluation) evaluation).lead();
        Map<String, Long> sales = new HashMap<>(Map.of("ann", 0L, "bob", 0L));
        sales.putAll(managers.assigned().getOrDefault("sales", Map.of()));
        String manager = sales.get("ann") <= sales.get("bob") ? "ann" : "bob";
        sales.merge(manager, 1L, Long::sum);
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("phone", lead.path("phone").asText(""))
                .put("seq", lead.path("seq").asInt()).put("tag", tag);
        List<Effect> effects = List.of(new CreateContact(fields, null),
                new CreateDeal(new RecordRef.Created(0), fields.deepCopy(), manager, false));
        Map<String, Map<String, Long>> state = new HashMap<>(managers.assigned());
        state.put("sales", Map.copyOf(sales));
        return new Decision(effects, new ManagerState(state), evaluation.trace(), Optional.empty());
    }

    @Override
    public ObjectNode map(JsonNode lead, Clock clock) {
        return JsonNodeFactory.instance.objectNode();
    }
}
