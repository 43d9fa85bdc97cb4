package io.leadflow.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.record.Found;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One compiled flow. Immutable and thread-safe: one instance serves every lead.
 * A run is two pure steps around the CRM lookup the runtime performs in between:
 * {@link #evaluate} (filters, normalisation, what to look up), then {@link #decide}
 * (the first matching {@code when} rule, and the effects with their mapped fields).
 */
public interface Flow {

    String name();

    /** The source system and its arguments ({@code horoshop.orders}, {account: "shop1"}). */
    String source();

    Map<String, Object> sourceArgs();

    /**
     * A source argument written as a duration ({@code poll: "30s"}), read the way the compiler
     * checked it; empty when the flow does not give it.
     *
     * @throws IllegalArgumentException when the argument is given but is not a duration (the
     *     compiler refuses that for every argument it types as a duration)
     */
    default Optional<Duration> sourceDuration(String name) {
        Object v = sourceArgs().get(name);
        if (v == null) return Optional.empty();
        return Optional.of(io.leadflow.dsl.parse.Durations.parseText(String.valueOf(v)).orElseThrow(
                () -> new IllegalArgumentException("flow '" + name() + "': " + name + " '" + v + "' is not a duration")));
    }

    /** The target connector name ({@code keycrm}). */
    String connector();

    /** The target account ({@code to keycrm(account: "main")}; "default" when not given). */
    String account();

    /** How long to wait before processing a lead (L10); zero when the flow sets none. */
    Duration delay();

    /** The marker field (L4) or null. */
    String marker();

    /**
     * The lead's own event id (the source's default, or the flow's {@code dedupe by}), by which a
     * sender's plain retry is recognised; empty when the flow or this lead has none.
     */
    default Optional<String> eventId(JsonNode lead, Clock clock) {
        return Optional.empty();
    }

    /** How long a repeated event id counts as the sender's retry (zero when the flow has no event id). */
    default Duration dedupeWindow() {
        return Duration.ZERO;
    }

    /** Filters and normalisation; says whether the lead is dropped and, if not, what to look up. */
    Evaluation evaluate(JsonNode lead, Clock clock);

    /** The decision for an evaluated lead, given what the lookup found and the managers' rotation state. */
    Decision decide(Evaluation evaluation, Found found, ManagerState managers, Clock clock);

    /**
     * The pure mapping preview used by {@code leadflow map}: every mapping block evaluated over
     * the lead, as {@code {"contact": {…}, "deal": {…}, "task": {…}}} (products inside the deal).
     */
    ObjectNode map(JsonNode lead, Clock clock);

    /**
     * The fields this flow's mapping blocks write, per entity, in the order written (custom
     * fields such as {@code deal_cf_7} included): what an account check compares with the
     * target account. A flow that maps nothing writes nothing.
     */
    default Map<EntityKind, Set<String>> writes() {
        return Map.of();
    }

    /**
     * This flow's rule graph as DOT ({@code "dot"}) or Mermaid ({@code "mermaid"}; anything else
     * is Mermaid); empty when the flow has no graph (not compiled from rule files).
     */
    default Optional<String> graph(String format) {
        return Optional.empty();
    }
}
