package io.leadflow.runtime.pull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.CrmConnector;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.SourceCursor;
import io.leadflow.spi.ConnectorCatalog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * One {@link Poller} per pulled flow of the rules in force: started on load, kept (same cursor key)
 * across a reload, stopped when its flow goes away. {@link #report} is {@code GET /v1/sources}.
 */
public final class SourcePollers {
    private static final Logger LOG = Logger.getLogger(SourcePollers.class.getName());
    private final Vertx vertx;
    private final Journal journal;
    private final ConnectorCatalog catalog;
    /** The connector that reads one account's feed with the pull's settings ({@code feed}, {@code since}). */
    private final BiFunction<PullSpec, Map<String, String>, Future<CrmConnector>> connectors;
    private final Clock clock;
    private final Map<String, Poller> pollers = new ConcurrentHashMap<>();

    public SourcePollers(Vertx vertx, Journal journal, ConnectorCatalog catalog,
                         BiFunction<PullSpec, Map<String, String>, Future<CrmConnector>> connectors, Clock clock) {
        this.vertx = vertx;
        this.journal = journal;
        this.catalog = catalog;
        this.connectors = connectors;
        this.clock = clock;
    }

    /** Aligns the pollers with a (re)loaded program. */
    public synchronized void apply(Program program) {
        Map<String, PullSpec> wanted = new LinkedHashMap<>();
        Map<String, Flow> flows = new LinkedHashMap<>();
        for (Flow f : program.flows()) {
            PullSpec.of(f, catalog).ifPresent(s -> {
                wanted.put(s.key(), s);
                flows.put(s.key(), f);
            });
        }
        pollers.entrySet().removeIf(e -> {
            if (wanted.containsKey(e.getKey())) return false;
            e.getValue().stop();
            LOG.info("pull source " + e.getKey() + " stopped: its flow is gone");
            return true;
        });
        wanted.forEach((key, spec) -> {
            Poller existing = pollers.get(key);
            if (existing != null) {
                existing.update(spec, flows.get(key));
                return;
            }
            Map<String, String> settings = spec.settings();
            Future<CrmConnector>[] made = new Future[1];
            Poller p = new Poller(vertx, journal, spec, flows.get(key), () -> {
                if (made[0] == null || made[0].failed()) made[0] = connectors.apply(spec, settings);
                return made[0];
            }, clock);
            pollers.put(key, p);
            LOG.info("pull source " + key + ": reading " + spec.system() + "." + spec.kind() + " of account '" + spec.account()
                    + "' every " + spec.poll().toSeconds() + " s" + (spec.since() == null ? "" : " from " + spec.since()));
            p.start();
        });
    }

    public int size() {
        return pollers.size();
    }

    public synchronized void stop() {
        pollers.values().forEach(Poller::stop);
        pollers.clear();
    }

    /** {@code {"sources": [{flow, source, account, cursor, …}]}}: each pulled flow with its journal cursor and poll state. */
    public Future<ObjectNode> report() {
        return journal.cursors().map(cursors -> {
            Map<String, SourceCursor> byKey = new LinkedHashMap<>();
            cursors.forEach(c -> byKey.put(c.key(), c));
            ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            ArrayNode arr = out.putArray("sources");
            Instant now = clock.instant();
            for (Poller p : pollers.values()) {
                SourceStatus s = p.status();
                SourceCursor c = byKey.get(s.spec().key());
                ObjectNode o = arr.addObject();
                o.put("flow", s.spec().flow()).put("source", s.spec().system() + "." + s.spec().kind()).put("account", s.spec().account())
                        .put("cursor_key", s.spec().key()).put("poll_seconds", s.spec().poll().toSeconds()).put("since", s.spec().since())
                        .put("state", s.state());
                o.put("cursor", c == null ? null : c.position());
                o.put("cursor_moved_at", c == null ? null : c.updatedAt().toString());
                o.put("leads_recorded", c == null ? 0 : c.leads());
                o.put("last_poll", text(s.lastPoll()));
                o.put("caught_up_at", text(s.caughtUpAt()));
                if (s.caughtUpAt() == null) o.putNull("lag_seconds");
                else o.put("lag_seconds", Math.max(0, Duration.between(s.caughtUpAt(), now).toSeconds()));
                o.put("last_error", s.lastError());
                o.put("last_error_at", text(s.lastErrorAt()));
                o.put("failures_in_a_row", s.failuresInARow());
                o.put("next_poll", text(s.nextPoll()));
            }
            return out;
        });
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
