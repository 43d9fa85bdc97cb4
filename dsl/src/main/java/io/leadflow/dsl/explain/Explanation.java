package io.leadflow.dsl.explain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Trace;
import io.leadflow.dsl.decide.EffectJson;
import io.leadflow.spi.effect.Effect;
import java.util.Map;

/**
 * The decision trace of one lead: every filter and its result, the phone, what was found, each
 * rule tried with the values of its atoms, the manager chosen, every field with its source
 * line, and the effects. Rendered as aligned text or as JSON.
 */
public record Explanation(String flow, Decision decision) {

    public String text() {
        StringBuilder b = new StringBuilder("flow \"").append(flow).append("\"\n");
        for (Trace.Step s : decision.trace().steps()) {
            b.append(String.format("  %-9s %-34s %s%n", s.kind(), s.at(), s.detail()));
            if (s.kind().equals("effect") && s.data() != null && s.data().has("fields")) {
                b.append(String.format("  %-9s %-34s %s%n", "", "", s.data()));
            }
        }
        if (decision.dropReason().isPresent()) {
            b.append("result: dropped (\"").append(decision.dropReason().get()).append("\")\n");
        } else {
            b.append("result: ").append(decision.effects().size()).append(decision.effects().size() == 1 ? " effect" : " effects").append('\n');
        }
        if (!decision.managers().assigned().isEmpty()) b.append("managers after: ").append(decision.managers().assigned()).append('\n');
        return b.toString();
    }

    public ObjectNode json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode().put("flow", flow);
        o.put("dropped", decision.dropReason().orElse(null));
        ArrayNode steps = o.putArray("steps");
        for (Trace.Step s : decision.trace().steps()) {
            ObjectNode step = steps.addObject().put("kind", s.kind()).put("at", s.at()).put("detail", s.detail());
            if (s.data() != null && !s.data().isEmpty()) step.set("data", s.data());
        }
        ArrayNode effects = o.putArray("effects");
        for (Effect e : decision.effects()) effects.add(EffectJson.of(e));
        ObjectNode managers = o.putObject("managers");
        for (Map.Entry<String, Map<String, Long>> c : decision.managers().assigned().entrySet()) {
            ObjectNode one = managers.putObject(c.getKey());
            c.getValue().forEach(one::put);
        }
        return o;
    }
}
