package io.leadflow.dsl.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.eval.Values;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a flow tells a sender's retry from a new lead: the lead's own event id (the source kind's
 * default paths, or the flow's {@code dedupe by} expression) and the window within which a repeat
 * of it is the same event. Immutable.
 */
public final class EventKey {
    private final Eval key;
    private final Duration window;
    private final String description;

    private EventKey(Eval key, Duration window, String description) {
        this.key = key;
        this.window = window;
        this.description = description;
    }

    /** The flow's {@code dedupe by expr within window}. */
    public static EventKey of(Eval key, Duration window, String description) {
        return new EventKey(key, window, description);
    }

    /** A source kind's default: the values at these payload paths ({@code context.id}), joined with {@code :}. */
    public static EventKey paths(List<String> paths, Duration window) {
        List<String[]> split = paths.stream().map(p -> p.split("\\.")).toList();
        Eval key = env -> {
            List<String> parts = new ArrayList<>();
            boolean any = false;
            for (String[] path : split) {
                JsonNode v = env.lead();
                for (String name : path) v = v == null ? null : v.get(name);
                String text = v == null || v.isNull() || v.isContainerNode() ? "" : Values.asText(v);
                any |= !text.isEmpty();
                parts.add(text);
            }
            return any ? Values.text(String.join(":", parts)) : null;
        };
        return new EventKey(key, window, "lead." + String.join(" + lead.", paths));
    }

    /** The lead's event id, or empty when the lead has none (it is then never a duplicate by event id). */
    public Optional<String> of(JsonNode lead, Clock clock) {
        JsonNode v = key.eval(new Env(lead, clock, 0));
        if (v == null || v.isNull() || v.isContainerNode()) return Optional.empty();
        String text = Values.asText(v);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public Duration window() {
        return window;
    }

    /** How the key is written ({@code lead.order_id}), for explain and the registry. */
    public String description() {
        return description;
    }
}
