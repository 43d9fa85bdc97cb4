package io.leadflow.dsl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.SourceSpan;
import java.time.Clock;

/**
 * The state of one lead's run: the lead, the clock, the computed {@code let}s and loop
 * variables (slots), and the step budget. One per lead and thread, never shared.
 */
public final class Env {
    public static final int DEFAULT_BUDGET = 100_000;

    private final JsonNode lead;
    private final Clock clock;
    private final JsonNode[] slots;
    private int steps;
    private final int budget;

    public Env(JsonNode lead, Clock clock, int slotCount) {
        this(lead, clock, slotCount, DEFAULT_BUDGET);
    }

    public Env(JsonNode lead, Clock clock, int slotCount, int budget) {
        this.lead = lead;
        this.clock = clock;
        this.slots = new JsonNode[slotCount];
        this.budget = budget;
    }

    public JsonNode lead() {
        return lead;
    }

    public Clock clock() {
        return clock;
    }

    public JsonNode slot(int i) {
        return slots[i];
    }

    public void set(int i, JsonNode value) {
        slots[i] = value;
    }

    /** Counts {@code n} steps of work; past the budget the lead fails with the position of the rule. */
    public void step(int n, SourceSpan at) {
        steps += n;
        if (steps > budget) {
            throw new io.leadflow.dsl.RuleBudgetExceededException(budget, at);
        }
    }

    public int steps() {
        return steps;
    }
}
