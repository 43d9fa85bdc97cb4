package io.leadflow.runtime.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Flow;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.LeadQuery;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.ReplayNotAllowedException;
import io.leadflow.runtime.journal.ReplayVersion;
import io.leadflow.runtime.journal.UnknownLeadException;
import io.leadflow.runtime.security.SourceGuards;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The admin registry (R5): list leads, show one lead in full, request a replay. */
public final class RegistryHandler {
    private final Journal journal;
    private final FlowDirectory flows;
    private final java.util.function.Consumer<RoutingContext> auth;

    public RegistryHandler(Journal journal, FlowDirectory flows, SourceGuards guards) {
        this(journal, flows, new AdminAuth(guards)::require);
    }

    /**
     * The same routes behind another check ({@code auth} throws a {@link Refusal} to refuse):
     * the console's session and CSRF check.
     */
    public RegistryHandler(Journal journal, FlowDirectory flows, java.util.function.Consumer<RoutingContext> auth) {
        this.journal = journal;
        this.flows = flows;
        this.auth = auth;
    }

    public void handleList(RoutingContext ctx) {
        run(ctx, () -> {
            LeadQuery q = query(ctx);
            return journal.list(q).map(rows -> {
                ObjectNode out = Responses.JSON.createObjectNode();
                ArrayNode arr = out.putArray("leads");
                rows.forEach(r -> arr.add(LeadJson.summary(r)));
                out.put("next", rows.size() < q.clampedLimit() || rows.isEmpty() ? null : rows.get(rows.size() - 1).cursor());
                return out;
            });
        });
    }

    public void handleGet(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        run(ctx, () -> journal.get(id).map(d -> d.map(LeadJson::detail)
                .orElseThrow(() -> new Refusal(404, "unknown_lead", "no lead with id " + id))));
    }

    public void handleReplay(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        run(ctx, () -> {
            String v = ctx.request().getParam("version", "current").toLowerCase(Locale.ROOT);
            ReplayVersion which = switch (v) {
                case "original" -> ReplayVersion.ORIGINAL;
                case "current" -> ReplayVersion.CURRENT;
                default -> throw new Refusal(400, "bad_version", "version must be 'original' or 'current', not '" + v + "'");
            };
            return replay(id, which)
                    .map(x -> (Object) Map.of("id", id, "replay", v, "status", "pending"));
        }, 202);
    }

    /** {@code GET /v1/sources}: each pull source's cursor, last poll, lag and last error (admin token). */
    public void handleSources(RoutingContext ctx, java.util.function.Supplier<Future<ObjectNode>> sources) {
        run(ctx, sources::get);
    }

    /**
     * Asks for a replay after checking that an ORIGINAL one can run: its rule version is loaded or
     * its texts are stored (else a 409 refusal).
     */
    public Future<Void> replay(String id, ReplayVersion which) {
        Future<Void> check = which == ReplayVersion.CURRENT ? Future.succeededFuture() : journal.get(id).compose(d -> {
            var detail = d.orElseThrow(() -> new Refusal(404, "unknown_lead", "no lead with id " + id));
            if (flows.programs().byHash(detail.firstRuleVersion()).isPresent()) return Future.succeededFuture();
            // Not in memory: fine when the journal stored its texts (the executor recompiles them).
            return journal.ledger().rules(detail.firstRuleVersion()).map(stored -> {
                if (stored.isEmpty()) {
                    throw new Refusal(409, "version_not_loaded", "the rule version that first ran this lead ("
                            + detail.firstRuleVersion() + ") is neither loaded nor stored; replay with version=current");
                }
                return null;
            });
        });
        return check.compose(x -> journal.requestReplay(id, which));
    }

    public void handleFlows(RoutingContext ctx, ObjectNode reload, java.util.List<io.leadflow.runtime.account.AccountReport> accountChecks) {
        run(ctx, () -> Future.succeededFuture(flowsJson(reload, accountChecks)));
    }

    /** The body of {@code GET /v1/flows}: the rules in force, each flow, the last reload and the account checks. */
    public ObjectNode flowsJson(ObjectNode reload, java.util.List<io.leadflow.runtime.account.AccountReport> accountChecks) {
        ObjectNode out = Responses.JSON.createObjectNode();
        var p = flows.current();
        out.put("ruleVersion", p == null ? null : p.contentHash());
        ArrayNode arr = out.putArray("flows");
        if (p != null) {
            for (Flow f : p.flows()) {
                String slug = io.leadflow.runtime.config.Slugs.of(f.name());
                arr.addObject().put("name", f.name()).put("slug", slug).put("intake", "/v1/leads/" + slug)
                        .put("source", f.source()).put("connector", f.connector()).put("account", f.account())
                        .put("delaySeconds", f.delay().toSeconds());
            }
        }
        out.set("lastReload", reload);
        ArrayNode checks = out.putArray("accountChecks");
        for (var r : accountChecks) {
            ObjectNode c = checks.addObject().put("connector", r.connector()).put("account", r.account())
                    .put("checked", r.checked()).put("status", r.status());
            r.warnings().forEach(c.putArray("warnings")::add);
        }
        return out;
    }

    /**
     * {@code GET /v1/schedules}: each schedule of the current rules (name, job, period, time of day)
     * with its job's last run when the job reports one (the product sync's period, counts {@code
     * created, updated, hidden, unchanged, failed}, whether it finished, and its error when it
     * stopped in this process). The product sync reads its runs from its checkpoint files, so they
     * survive a restart.
     */
    public void handleSchedules(RoutingContext ctx, io.leadflow.runtime.schedule.ScheduleRuns runs) {
        run(ctx, () -> {
            var p = flows.current();
            List<String> names = p == null ? List.of() : p.schedules().stream().map(s -> s.name()).toList();
            return runs.lastRuns(names).map(lastRuns -> {
                ObjectNode out = Responses.JSON.createObjectNode();
                ArrayNode arr = out.putArray("schedules");
                if (p != null) {
                    for (var s : p.schedules()) {
                        ObjectNode o = arr.addObject().put("name", s.name()).put("job", s.job())
                                .put("everySeconds", s.every() == null ? null : s.every().toSeconds()).put("at", s.at());
                        var last = lastRuns.get(s.name());
                        if (last != null) o.set("lastRun", Responses.JSON.valueToTree(last));
                    }
                }
                return out;
            });
        });
    }

    /**
     * {@code POST /v1/schedules/{name}/run} (admin token): runs a schedule of the current rules now,
     * outside its periods; 202 {@code {schedule, job, period, status: "running"}} once it has started
     * (its progress and counts: {@code GET /v1/schedules}, {@code lastRun} with that period). 404
     * {@code unknown_schedule} when the current rules declare none of that name; 409
     * {@code schedule_running} while it runs (scheduled or asked for); 409 {@code not_delivering} on a
     * node that runs no schedules (paused delivery, standby).
     */
    public void handleRunSchedule(RoutingContext ctx,
                                  java.util.function.Function<String, Future<io.leadflow.runtime.schedule.Scheduler.RunStarted>> runner) {
        String name = ctx.pathParam("name");
        run(ctx, () -> {
            var p = flows.current();
            List<String> declared = p == null ? List.of() : p.schedules().stream().map(s -> s.name()).toList();
            if (!declared.contains(name)) {
                throw new Refusal(404, "unknown_schedule", io.leadflow.runtime.schedule.RunNowRefused.unknown(name, declared).getMessage());
            }
            return start(name, runner);
        }, 202);
    }

    private static Future<?> start(String name,
                                   java.util.function.Function<String, Future<io.leadflow.runtime.schedule.Scheduler.RunStarted>> runner) {
        return runner.apply(name).<Object>map(s -> {
            ObjectNode out = Responses.JSON.createObjectNode();
            out.put("schedule", s.schedule()).put("job", s.job()).put("period", s.period().toString()).put("status", "running");
            return out;
        }).recover(e -> Future.failedFuture(e instanceof io.leadflow.runtime.schedule.RunNowRefused r ? switch (r.reason()) {
            case UNKNOWN -> new Refusal(404, "unknown_schedule", r.getMessage());
            case RUNNING -> new Refusal(409, "schedule_running", r.getMessage());
            case NOT_RUNNING -> new Refusal(409, "not_delivering", r.getMessage());
        } : e));
    }

    /** The list filters of a request ({@code flow, status, since, until, limit, cursor, q}); a bad one is a 400 refusal. */
    public LeadQuery query(RoutingContext ctx) {
        var r = ctx.request();
        String flow = r.getParam("flow");
        if (flow != null) flow = flows.find(flow).map(Flow::name).orElse(flow);
        LeadStatus status = null;
        String s = r.getParam("status");
        if (s != null) {
            try {
                status = LeadStatus.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "bad_status", "status must be one of " + List.of(LeadStatus.values()).toString().toLowerCase(Locale.ROOT));
            }
        }
        int limit = 50;
        String l = r.getParam("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > LeadQuery.MAX_LIMIT) throw new Refusal(400, "bad_limit", "limit must be 1 to " + LeadQuery.MAX_LIMIT);
        }
        return new LeadQuery(flow, status, instant(r.getParam("since"), "since"), instant(r.getParam("until"), "until"), limit, r.getParam("cursor"), r.getParam("q"));
    }

    private static Instant instant(String v, String name) {
        if (v == null) return null;
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new Refusal(400, "bad_" + name, name + " must be an ISO-8601 instant like 2026-01-31T10:00:00Z");
        }
    }

    private void run(RoutingContext ctx, java.util.function.Supplier<Future<?>> body) {
        run(ctx, body, 200);
    }

    private void run(RoutingContext ctx, java.util.function.Supplier<Future<?>> body, int okStatus) {
        Future<?> f;
        try {
            auth.accept(ctx);
            f = body.get();
        } catch (Refusal r) {
            Responses.refuse(ctx, r);
            return;
        }
        f.onComplete(ar -> {
            if (ar.succeeded()) {
                Responses.json(ctx.response(), okStatus, ar.result());
            } else {
                Responses.refuse(ctx, translate(ar.cause()));
            }
        });
    }

    /** A failure of a journal call as the refusal the registry answers with. */
    public static Refusal translate(Throwable e) {
        if (e instanceof Refusal r) return r;
        if (e instanceof UnknownLeadException) return new Refusal(404, "unknown_lead", e.getMessage());
        if (e instanceof io.leadflow.runtime.journal.BadCursorException) return new Refusal(400, "bad_cursor", e.getMessage());
        if (e instanceof ReplayNotAllowedException) return new Refusal(409, "replay_not_allowed", e.getMessage());
        return new Refusal(503, "store_unavailable", "the registry could not be read: " + e.getClass().getSimpleName(), 5);
    }
}
