package io.leadflow.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.testing.FlowGenerators;
import io.leadflow.spi.effect.Effect;
import java.util.List;
import java.util.Optional;

/**
 * What one flow did with one lead in one CRM state, with assertions that say so in words and
 * show the lead and the CRM state when they fail (jqwik then shrinks the lead).
 */
public final class FlowOutcome {
    private final String flow;
    private final JsonNode lead;
    private final FlowGenerators.Outcome outcome;

    FlowOutcome(String flow, JsonNode lead, FlowGenerators.Outcome outcome) {
        this.flow = flow;
        this.lead = lead;
        this.outcome = outcome;
    }

    /** The decision, or empty when the rules failed on this lead (see {@link #assertBuiltInPropertiesHold}). */
    public Optional<Decision> decision() {
        return Optional.ofNullable(outcome.decision());
    }

    public boolean dropped() {
        return outcome.dropped();
    }

    /** The effects in order ({@code create contact}, {@code create deal}, …); empty when dropped. */
    public List<Effect> effects() {
        return decision().map(Decision::effects).orElse(List.of());
    }

    /** The first effect described so ({@code "create deal"}, {@code "update deal"}, {@code "create task"}). */
    public Optional<Effect> effect(String describe) {
        return effects().stream().filter(e -> e.describe().equals(describe)).findFirst();
    }

    /** The built-in properties of {@code leadflow test}: no evaluation error, no text "null", no empty hole, fields that fit. */
    public FlowOutcome assertBuiltInPropertiesHold() {
        if (outcome.brokenProperty().isPresent()) {
            fail("breaks '" + outcome.brokenProperty().get() + "': " + outcome.detail().orElse(""));
        }
        return this;
    }

    public FlowOutcome assertNotDropped() {
        if (dropped()) fail("was dropped (\"" + outcome.decision().dropReason().get() + "\")");
        return this;
    }

    public FlowOutcome assertDropped() {
        if (!dropped()) fail("was not dropped; effects: " + describe());
        return this;
    }

    /** Some effect is described so; a dropped lead fails this. */
    public FlowOutcome assertHas(String describe) {
        if (effect(describe).isEmpty()) fail("has no '" + describe + "'; " + (dropped() ? "it was dropped" : "effects: " + describe()));
        return this;
    }

    /** No effect is described so (a dropped lead has none). */
    public FlowOutcome assertNo(String describe) {
        if (effect(describe).isPresent()) fail("has '" + describe + "'; effects: " + describe());
        return this;
    }

    private String describe() {
        return effects().stream().map(Effect::describe).toList().toString();
    }

    private void fail(String what) {
        throw new AssertionError("flow \"" + flow + "\": the lead " + what + "\n  lead: " + lead + "\n  crm: " + outcome.crm());
    }
}
