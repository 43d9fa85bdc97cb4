package io.leadflow.runtime.pull;

import io.leadflow.dsl.Flow;
import io.leadflow.runtime.config.Slugs;
import io.leadflow.spi.ConnectorCatalog;
import io.leadflow.spi.source.Arrival;
import io.leadflow.spi.source.SourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one pulled flow reads: the system (its connector), the account, the kind (the connector's
 * {@code feed} setting), the poll interval and the start point. A kind is pulled when it can only
 * be pulled, or when it can be either and the flow gives {@code poll}.
 *
 * @param key the journal cursor's name: {@code <flow slug>|<source.kind>|<account>}
 * @param maxBackoff the longest wait after failed reads (the flow's {@code max_backoff}, default 5 minutes)
 * @param pushable whether the kind can also be pushed (without {@code poll}: Horoshop's), or is only ever pulled (RetailCRM's history)
 */
public record PullSpec(String flow, String slug, String system, String kind, String account, Duration poll, String since, String key,
                       Map<String, String> args, boolean pushable, Duration maxBackoff) {
    /** Without {@code poll}: once a minute. */
    public static final Duration DEFAULT_POLL = Duration.ofMinutes(1);

    /** The flow's pull, or empty when its source is pushed (or not in the catalog: the compiler has already refused that). */
    public static Optional<PullSpec> of(Flow flow, ConnectorCatalog catalog) {
        String[] parts = flow.source().split("\\.", 2);
        if (parts.length != 2) return Optional.empty();
        Optional<SourceKind> kind = catalog.source(parts[0]).flatMap(s -> s.kind(parts[1]));
        if (kind.isEmpty() || !kind.get().canArrive(Arrival.PULL)) return Optional.empty();
        Optional<Duration> poll = flow.sourceDuration("poll");
        if (kind.get().canArrive(Arrival.WEBHOOK) && poll.isEmpty()) return Optional.empty();
        Duration interval = poll.orElse(DEFAULT_POLL);
        Object account = flow.sourceArgs().getOrDefault("account", "default");
        Object since = flow.sourceArgs().get("since");
        String slug = Slugs.of(flow.name());
        Map<String, String> args = new LinkedHashMap<>();
        flow.sourceArgs().forEach((k, v) -> {
            if (!k.equals("account") && !k.equals("poll") && !k.equals("max_backoff")) args.put(k, text(v));
        });
        return Optional.of(new PullSpec(flow.name(), slug, parts[0], parts[1], String.valueOf(account), interval,
                since == null ? null : String.valueOf(since), slug + "|" + flow.source() + "|" + account, Map.copyOf(args),
                kind.get().canArrive(Arrival.WEBHOOK), flow.sourceDuration("max_backoff").orElse(Poller.MAX_BACKOFF)));
    }

    /** A constant argument as a setting: text as is, a list joined with commas. */
    private static String text(Object v) {
        if (v instanceof java.util.Collection<?> c) return String.join(",", c.stream().map(String::valueOf).toList());
        if (v instanceof com.fasterxml.jackson.databind.JsonNode n) {
            if (n.isArray()) {
                List<String> out = new ArrayList<>();
                n.forEach(x -> out.add(x.asText()));
                return String.join(",", out);
            }
            return n.asText();
        }
        return String.valueOf(v);
    }

    /** The settings the connector's pull reads: {@code feed} (the kind) and the flow's other arguments ({@code since}, …). */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>(args);
        m.put("feed", kind);
        return m;
    }
}
