package io.leadflow.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.runtime.journal.Journal;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: live while the process answers; ready when the store takes writes, rules
 * are loaded and every account named in the rules has a connector. 200 when ready, else 503.
 */
public final class HealthHandler {
    private final Journal journal;
    private final FlowDirectory flows;
    private final Supplier<Map<String, Boolean>> connectors;
    private final EdgeMetrics metrics;

    /** @param connectors readiness of each CRM account ({@code keycrm/main → true}) */
    public HealthHandler(Journal journal, FlowDirectory flows, Supplier<Map<String, Boolean>> connectors, EdgeMetrics metrics) {
        this.journal = journal;
        this.flows = flows;
        this.connectors = connectors;
        this.metrics = metrics;
    }

    public void handleHealth(RoutingContext ctx) {
        boolean store = journal.healthy();
        boolean rules = flows.current() != null;
        Map<String, Boolean> accounts = connectors.get();
        boolean crm = accounts.values().stream().allMatch(Boolean::booleanValue);
        boolean live = io.leadflow.runtime.lifecycle.FatalErrors.fatal() == null;
        boolean ready = live && store && rules && crm;
        ObjectNode out = Responses.JSON.createObjectNode();
        out.put("status", ready ? "up" : "degraded").put("live", live).put("ready", ready);
        ObjectNode checks = out.putObject("checks");
        checks.put("store", store).put("rules", rules);
        ObjectNode c = checks.putObject("connectors");
        accounts.forEach(c::put);
        journal.cluster().ifPresent(view -> {
            ObjectNode cl = out.putObject("cluster");
            cl.put("node", view.nodeId());
            ObjectNode d = cl.putObject("coordinator");
            d.put("owner", view.coordinator().owner()).put("epoch", view.coordinator().epoch())
                    .put("until", view.coordinator().until().toString()).put("mine", view.coordinator().mine());
            cl.put("partitions_total", view.total());
            var held = cl.putArray("partitions");
            view.partitions().forEach(held::add);
            var nodes = cl.putArray("nodes");
            for (var n : view.nodes()) {
                nodes.addObject().put("id", n.id()).put("started_at", n.startedAt().toString())
                        .put("seen_at", n.seenAt().toString()).put("alive", n.alive()).put("delivers", n.delivers())
                        .put("partitions", n.partitions());
            }
        });
        Responses.json(ctx.response(), ready ? 200 : 503, out);
    }

    /** 200 while the process can serve; 503 with the reason once a fatal error is ending it. */
    public void handleLive(RoutingContext ctx) {
        String fatal = io.leadflow.runtime.lifecycle.FatalErrors.fatal();
        if (fatal == null) Responses.json(ctx.response(), 200, Map.of("live", true));
        else Responses.json(ctx.response(), 503, Map.of("live", false, "fatal", fatal));
    }

    public void handleMetrics(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape());
    }
}
