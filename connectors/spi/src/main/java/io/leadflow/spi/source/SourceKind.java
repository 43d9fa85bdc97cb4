package io.leadflow.spi.source;

import io.leadflow.spi.ArgSpec;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of lead a source produces ({@code horoshop.orders}, {@code calltouch.calls}).
 *
 * @param name         the kind's name after the dot
 * @param arrivals     how its leads can arrive; a kind that can be pulled is pulled when the flow gives a {@code poll} interval
 * @param auth         how the sender (webhook) or Leadflow (pull) authenticates
 * @param args         the arguments the runtime implements
 * @param payload      the lead's fields, as the system sends them
 * @param eventId      the payload paths that together identify one event (the sender's own id; empty when the system has none)
 * @param dedupeWindow how long a repeated event id counts as the sender's retry
 * @param note         one line for the reference (what the lead is, what is unconfirmed)
 * @param pulledPayload the lead's fields when the kind is pulled from an API whose records differ from what its webhook
 *                      sends (Calltouch's journals against its webhook parameters); null when both are {@code payload}
 * @param sample       one lead as the system pushes it (the banner's {@code curl}); null for a kind that is only pulled
 */
public record SourceKind(String name, Set<Arrival> arrivals, SenderAuth auth, List<ArgSpec> args, PayloadSchema payload,
                         List<String> eventId, Duration dedupeWindow, String note, PayloadSchema pulledPayload, SourceSample sample) {

    /** A kind without a sample (given later with {@link #withSample}). */
    public SourceKind(String name, Set<Arrival> arrivals, SenderAuth auth, List<ArgSpec> args, PayloadSchema payload,
                      List<String> eventId, Duration dedupeWindow, String note, PayloadSchema pulledPayload) {
        this(name, arrivals, auth, args, payload, eventId, dedupeWindow, note, pulledPayload, null);
    }

    /** A kind whose pulled records have the same fields as its pushed ones. */
    public SourceKind(String name, Set<Arrival> arrivals, SenderAuth auth, List<ArgSpec> args, PayloadSchema payload,
                      List<String> eventId, Duration dedupeWindow, String note) {
        this(name, arrivals, auth, args, payload, eventId, dedupeWindow, note, null, null);
    }

    /** This kind with the lead it pushes as its sample. */
    public SourceKind withSample(SourceSample pushed) {
        return new SourceKind(name, arrivals, auth, args, payload, eventId, dedupeWindow, note, pulledPayload, pushed);
    }

    /** The sample of a pushed lead, when the kind can be pushed and has one. */
    public Optional<SourceSample> pushedSample() {
        return canArrive(Arrival.WEBHOOK) ? Optional.ofNullable(sample) : Optional.empty();
    }

    public SourceKind {
        arrivals = Set.copyOf(EnumSet.copyOf(arrivals));
        args = List.copyOf(args);
        eventId = List.copyOf(eventId);
    }

    public boolean canArrive(Arrival a) {
        return arrivals.contains(a);
    }

    public Optional<ArgSpec> arg(String name) {
        return args.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public Map<String, ArgSpec> argsByName() {
        Map<String, ArgSpec> m = new LinkedHashMap<>();
        for (ArgSpec a : args) m.put(a.name(), a);
        return m;
    }

    /** This kind under another name (a generic source's kinds are all alike). */
    public SourceKind named(String other) {
        return new SourceKind(other, arrivals, auth, args, payload, eventId, dedupeWindow, note, pulledPayload, sample);
    }

    /**
     * This kind as a flow that pulls it sees it: its {@link #payload} is the pulled records' fields
     * ({@link #pulledPayload} when there is one). The same kind when it cannot be pulled.
     */
    public SourceKind asPulled() {
        if (!canArrive(Arrival.PULL) || pulledPayload == null) return this;
        return new SourceKind(name, Set.of(Arrival.PULL), auth, args, pulledPayload, eventId, dedupeWindow, note, null, null);
    }
}
