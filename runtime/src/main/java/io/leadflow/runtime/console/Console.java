package io.leadflow.runtime.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.account.AccountReport;
import io.leadflow.runtime.body.LeadBodyParser;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.http.FlowDirectory;
import io.leadflow.runtime.http.LeadJson;
import io.leadflow.runtime.http.Refusal;
import io.leadflow.runtime.http.RegistryHandler;
import io.leadflow.runtime.http.Responses;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadQuery;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.LeadSummary;
import io.leadflow.runtime.journal.ReplayVersion;
import io.leadflow.runtime.reload.RuleCompiler;
import io.leadflow.runtime.security.SourceGuards;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The operator console the runtime serves: a sign-in page, one page application ({@code GET /}
 * and {@code /console/assets/*}, shipped in the jar) and its JSON API under {@code /console/api}.
 * Everything but the sign-in page needs the session cookie (pages answer 302 to {@code /login},
 * the API 401); every action (POST) also needs the session's CSRF token in {@code X-CSRF-Token}
 * (403 without). Whatever the API returns is masked ({@link ConsoleMask}): no secret, no full
 * phone, no full email.
 */
public final class Console {
    private static final Logger LOG = Logger.getLogger(Console.class.getName());
    static final String COOKIE = "lf_console";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LeadBodyParser BODIES = new LeadBodyParser(Limits.DEFAULTS);
    /** How many stored leads the activity, dead-letter and impact views read at most. */
    static final int SCAN = 5000;
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "html", "text/html; charset=utf-8", "svg", "image/svg+xml", "png", "image/png");

    private final Journal journal;
    private final FlowDirectory flows;
    private final SourceGuards guards;
    private final RuleCompiler compiler;
    private final Supplier<ObjectNode> reload;
    private final Supplier<List<AccountReport>> accountChecks;
    private final Supplier<Future<ObjectNode>> sources;
    private final Clock clock;
    private final ConsoleSessions sessions;
    private final ConsoleMask mask;
    private final RegistryHandler registry;
    private final LoginThrottle throttle;
    private final Map<String, CompileResult> compiledByHash = new ConcurrentHashMap<>();

    public Console(Journal journal, FlowDirectory flows, SourceGuards guards, RuleCompiler compiler, Supplier<ObjectNode> reload,
                   Supplier<List<AccountReport>> accountChecks, Supplier<Future<ObjectNode>> sources, Clock clock) {
        this.journal = journal;
        this.flows = flows;
        this.guards = guards;
        this.compiler = compiler;
        this.reload = reload;
        this.accountChecks = accountChecks;
        this.sources = sources;
        this.clock = clock;
        this.sessions = new ConsoleSessions(clock);
        this.mask = new ConsoleMask(() -> guards.secrets().values());
        this.registry = new RegistryHandler(journal, flows, this::requireApi);
        this.throttle = new LoginThrottle(clock);
    }

    /** Adds the console's routes (call once per router, before its error handlers). */
    public void mount(Router r) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(2 * 1024 * 1024);
        r.get("/login").handler(this::loginPage);
        r.post("/login").handler(body).handler(this::login);
        r.post("/logout").handler(body).handler(ctx -> api(ctx, () -> {
            sessions.close(cookie(ctx));
            ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true).setSameSite(CookieSameSite.STRICT));
            return Future.succeededFuture(Map.of("signedOut", true));
        }));
        r.get("/").handler(this::shell);
        r.get("/console").handler(this::shell);
        r.get("/console/assets/:name").handler(this::asset);
        r.get("/console/api/session").handler(ctx -> api(ctx, () -> Future.succeededFuture(Map.of("signedIn", true))));
        r.get("/console/api/leads").handler(ctx -> api(ctx, () -> leads(ctx)));
        r.get("/console/api/leads/:id").handler(ctx -> api(ctx, () -> lead(ctx.pathParam("id"))));
        r.post("/console/api/leads/:id/replay").handler(body).handler(ctx -> api(ctx, () -> replay(ctx)));
        r.get("/console/api/dead").handler(ctx -> api(ctx, this::deadLetters));
        r.post("/console/api/dead/replay").handler(body).handler(ctx -> api(ctx, () -> replayDead(ctx)));
        r.get("/console/api/flows").handler(ctx -> api(ctx, this::flowsView));
        r.get("/console/api/rules").handler(ctx -> api(ctx, this::rules));
        r.post("/console/api/playground").handler(body).handler(ctx -> api(ctx, () -> playground(ctx)));
        r.post("/console/api/impact").handler(body).handler(ctx -> api(ctx, () -> impact(ctx)));
        r.route("/console/api/*").handler(ctx -> api(ctx, () -> {
            throw new Refusal(404, "not_found", "no console API at " + ctx.request().path());
        }));
    }

    // ---- sign-in and the checks every request passes ----

    private void loginPage(RoutingContext ctx) {
        if (session(ctx).isPresent()) {
            redirect(ctx, "/");
            return;
        }
        html(ctx, 200, loginHtml(null));
    }

    private void login(RoutingContext ctx) {
        String token = ctx.request().getFormAttribute("token");
        if (!throttle.allow()) {
            html(ctx, 429, loginHtml("Too many failed sign-ins; wait a minute and try again."));
            return;
        }
        if (token == null || token.isBlank() || !guards.admin().accepts(token.strip())) {
            throttle.failed();
            LOG.warning("console sign-in refused: not an admin token");
            html(ctx, 401, loginHtml(token == null || token.isBlank() ? "Paste the admin token." : "That is not an admin token."));
            return;
        }
        ConsoleSessions.Session s = sessions.open();
        ctx.response().addCookie(Cookie.cookie(COOKIE, s.id()).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setMaxAge(ConsoleSessions.IDLE.toSeconds()));
        redirect(ctx, "/");
    }

    private Optional<ConsoleSessions.Session> session(RoutingContext ctx) {
        return sessions.find(cookie(ctx));
    }

    private static String cookie(RoutingContext ctx) {
        Cookie c = ctx.request().getCookie(COOKIE);
        return c == null ? null : c.getValue();
    }

    /** The API's check: a session, and for an action its CSRF token. Throws the refusal. */
    private void requireApi(RoutingContext ctx) {
        ConsoleSessions.Session s = session(ctx).orElseThrow(() -> new Refusal(401, "not_signed_in",
                "sign in to the console first (POST /login with the admin token)"));
        if (ctx.request().method() != HttpMethod.GET && ctx.request().method() != HttpMethod.HEAD
                && !ConsoleSessions.csrfMatches(s, ctx.request().getHeader("X-CSRF-Token"))) {
            throw new Refusal(403, "csrf_token_invalid", "this action needs the page's CSRF token in the X-CSRF-Token header");
        }
    }

    private void api(RoutingContext ctx, Supplier<Future<?>> body) {
        noStore(ctx.response());
        Future<?> f;
        try {
            requireApi(ctx);
            f = body.get();
        } catch (Refusal r) {
            Responses.refuse(ctx, r);
            return;
        } catch (RuntimeException e) {
            LOG.warning("console request failed: " + e);
            Responses.refuse(ctx, new Refusal(500, "internal_error", "the console failed on this request"));
            return;
        }
        f.onComplete(ar -> {
            if (ar.succeeded()) Responses.json(ctx.response(), 200, ar.result());
            else Responses.refuse(ctx, RegistryHandler.translate(ar.cause()));
        });
    }

    private void shell(RoutingContext ctx) {
        Optional<ConsoleSessions.Session> s = session(ctx);
        if (s.isEmpty()) {
            redirect(ctx, "/login");
            return;
        }
        html(ctx, 200, resource("index.html").replace("{{csrf}}", s.get().csrf()));
    }

    private void asset(RoutingContext ctx) {
        // The sign-in page's style sheet is the one asset served without a session.
        if (!"login.css".equals(ctx.pathParam("name")) && session(ctx).isEmpty()) {
            Responses.refuse(ctx, new Refusal(401, "not_signed_in", "sign in to the console first"));
            return;
        }
        String name = ctx.pathParam("name");
        String ext = name.substring(name.lastIndexOf('.') + 1);
        byte[] bytes = name.matches("[a-z0-9-]+\\.[a-z]+") && TYPES.containsKey(ext) ? bytes(name) : null;
        if (bytes == null) {
            Responses.refuse(ctx, new Refusal(404, "not_found", "no console asset " + name));
            return;
        }
        secure(ctx.response()).putHeader("Content-Type", TYPES.get(ext)).putHeader("Cache-Control", "private, max-age=60")
                .end(io.vertx.core.buffer.Buffer.buffer(bytes));
    }

    private static void redirect(RoutingContext ctx, String to) {
        noStore(secure(ctx.response())).setStatusCode(302).putHeader("Location", to).end();
    }

    private static void html(RoutingContext ctx, int status, String page) {
        noStore(secure(ctx.response())).setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(page);
    }

    private static HttpServerResponse secure(HttpServerResponse res) {
        return res.putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                        + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY");
    }

    private static HttpServerResponse noStore(HttpServerResponse res) {
        return res.putHeader("Cache-Control", "no-store");
    }

    private static String loginHtml(String error) {
        String page = resource("login.html");
        return page.replace("{{error}}", error == null ? "" : "<p class=error role=alert>" + error + "</p>");
    }

    private static final Map<String, byte[]> ASSETS = new ConcurrentHashMap<>();

    private static byte[] bytes(String name) {
        return ASSETS.computeIfAbsent(name, n -> {
            try (InputStream in = Console.class.getResourceAsStream(n)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String resource(String name) {
        byte[] b = bytes(name);
        if (b == null) throw new IllegalStateException("console resource missing from the jar: " + name);
        return new String(b, StandardCharsets.UTF_8);
    }

    // ---- leads ----

    private Future<?> leads(RoutingContext ctx) {
        LeadQuery q = registry.query(ctx);
        return journal.list(q).compose(rows -> journal.stats().map(stats -> {
            ObjectNode out = JSON.createObjectNode();
            ArrayNode arr = out.putArray("leads");
            rows.forEach(r -> arr.add(mask.json(LeadJson.summary(r))));
            out.put("next", rows.size() < q.clampedLimit() || rows.isEmpty() ? null : rows.get(rows.size() - 1).cursor());
            ObjectNode counts = out.putObject("counts");
            for (LeadStatus s : LeadStatus.values()) counts.put(s.name().toLowerCase(Locale.ROOT), stats.leadsByStatus().getOrDefault(s, 0L));
            return out;
        }));
    }

    private Future<?> lead(String id) {
        return journal.get(id).map(d -> {
            LeadDetail detail = d.orElseThrow(() -> new Refusal(404, "unknown_lead", "no lead with id " + id));
            ObjectNode o = LeadJson.detail(detail);
            o.set("timeline", timeline(detail));
            o.set("preview", preview(detail));
            return mask.json(o);
        });
    }

    /** What the flow's current rules map the stored body to (for writing a mapping), or why not. */
    private JsonNode preview(LeadDetail d) {
        ObjectNode out = JSON.createObjectNode();
        Program p = flows.current();
        Optional<Flow> f = p == null ? Optional.empty() : p.flow(d.summary().flow());
        if (f.isEmpty()) return out.put("error", "the rules in force have no flow \"" + d.summary().flow() + "\"");
        try {
            JsonNode body = BODIES.parse(LeadBodyParser.mediaType(d.contentType()), d.body());
            out.put("ruleVersion", p.contentHash());
            out.set("map", f.get().map(body, Clock.fixed(d.summary().receivedAt(), java.time.ZoneOffset.UTC)));
        } catch (RuntimeException e) {
            out.put("error", "cannot map the stored body: " + e.getMessage());
        }
        return out;
    }

    /**
     * The lead's history as far as the journal keeps it: received, each effect with its state and
     * attempts, its last status change and when it runs next. (The journal keeps no event log, so
     * an effect's intermediate attempts show as a count with the last error.)
     */
    private static ArrayNode timeline(LeadDetail d) {
        ArrayNode t = JSON.createArrayNode();
        LeadSummary s = d.summary();
        t.addObject().put("at", s.receivedAt().toString()).put("event", "received from " + s.source() + " (flow " + s.flow() + ")");
        if (s.duplicateOf() != null) t.addObject().put("at", s.receivedAt().toString()).put("event", "duplicate of " + s.duplicateOf());
        for (var e : d.effects()) {
            String what = "run " + e.run() + " effect " + e.index() + " " + e.kind() + ": " + e.state().name().toLowerCase(Locale.ROOT)
                    + " after " + e.attempts() + (e.attempts() == 1 ? " attempt" : " attempts")
                    + (e.crmRef() != null ? " → " + e.crmRef() : "") + (e.lastError() != null ? " (last error: " + e.lastError() + ")" : "");
            t.addObject().put("at", (String) null).put("event", what);
        }
        t.addObject().put("at", s.updatedAt().toString()).put("event", "status " + s.status().name().toLowerCase(Locale.ROOT)
                + " (run " + d.run() + ", " + d.attempts() + " attempts)" + (s.reason() != null ? ": " + s.reason() : ""));
        if (d.nextAt() != null) t.addObject().put("at", d.nextAt().toString()).put("event", "runs next");
        return t;
    }

    private Future<?> replay(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        ReplayVersion which = version(ctx.request().getParam("version", "current"));
        return registry.replay(id, which).map(x -> Map.of("id", id, "replay", which.name().toLowerCase(Locale.ROOT), "status", "pending"));
    }

    private static ReplayVersion version(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "original" -> ReplayVersion.ORIGINAL;
            case "current" -> ReplayVersion.CURRENT;
            default -> throw new Refusal(400, "bad_version", "version must be 'original' or 'current'");
        };
    }

    /** Up to {@link #SCAN} leads of a query, newest first, following the cursor page by page. */
    private Future<List<LeadSummary>> scan(LeadQuery first) {
        List<LeadSummary> all = new ArrayList<>();
        return page(first, all).map(x -> all);
    }

    private Future<Void> page(LeadQuery q, List<LeadSummary> into) {
        return journal.list(q).compose(rows -> {
            into.addAll(rows);
            if (rows.size() < q.clampedLimit() || into.size() >= SCAN) return Future.succeededFuture();
            return page(new LeadQuery(q.flow(), q.status(), q.from(), q.to(), q.limit(), rows.get(rows.size() - 1).cursor(), q.text()), into);
        });
    }

    // ---- dead letters ----

    private Future<?> deadLetters() {
        return scan(new LeadQuery(null, LeadStatus.DEAD, null, null, LeadQuery.MAX_LIMIT, null)).map(rows -> {
            Map<String, List<LeadSummary>> byReason = groupByReason(rows);
            ObjectNode out = JSON.createObjectNode().put("total", rows.size()).put("truncated", rows.size() >= SCAN);
            ArrayNode groups = out.putArray("groups");
            byReason.forEach((reason, list) -> {
                ObjectNode g = groups.addObject().put("reason", reason).put("count", list.size());
                ArrayNode leads = g.putArray("leads");
                list.stream().limit(20).forEach(l -> leads.add(mask.json(LeadJson.summary(l))));
            });
            return out;
        });
    }

    private Map<String, List<LeadSummary>> groupByReason(List<LeadSummary> rows) {
        Map<String, List<LeadSummary>> byReason = new LinkedHashMap<>();
        for (LeadSummary l : rows) byReason.computeIfAbsent(reasonKey(l), k -> new ArrayList<>()).add(l);
        Map<String, List<LeadSummary>> sorted = new LinkedHashMap<>();
        byReason.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private String reasonKey(LeadSummary l) {
        return l.reason() == null ? "(no reason recorded)" : mask.text(l.reason());
    }

    /** {@code {"reason": …, "version": "current"|"original"}}: replays every dead letter of that group. */
    private Future<?> replayDead(RoutingContext ctx) {
        JsonNode req = jsonBody(ctx);
        String reason = req.path("reason").asText(null);
        if (reason == null) throw new Refusal(400, "reason_missing", "say which group to replay: {\"reason\": …}");
        ReplayVersion which = version(req.path("version").asText("current"));
        return scan(new LeadQuery(null, LeadStatus.DEAD, null, null, LeadQuery.MAX_LIMIT, null)).compose(rows -> {
            List<LeadSummary> group = groupByReason(rows).getOrDefault(reason, List.of());
            List<String> replayed = new ArrayList<>();
            Map<String, String> failed = new TreeMap<>();
            Future<Void> chain = Future.succeededFuture();
            for (LeadSummary l : group) {
                chain = chain.compose(x -> registry.replay(l.leadId(), which)
                        .map(y -> { replayed.add(l.leadId()); return (Void) null; })
                        .recover(e -> { failed.put(l.leadId(), RegistryHandler.translate(e).getMessage()); return Future.succeededFuture(); }));
            }
            return chain.map(x -> {
                ObjectNode out = JSON.createObjectNode().put("reason", reason).put("replayed", replayed.size());
                replayed.forEach(out.putArray("ids")::add);
                ObjectNode f = out.putObject("failed");
                failed.forEach(f::put);
                return out;
            });
        });
    }

    // ---- flows ----

    private Future<?> flowsView() {
        ObjectNode out = registry.flowsJson(reload.get(), accountChecks.get());
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofMinutes(60)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Future<ObjectNode> pulled = sources.get().otherwise(e -> {
            ObjectNode none = JSON.createObjectNode().put("error", "the pull sources could not be read: " + e.getMessage());
            none.putArray("sources");
            return none;
        });
        return pulled.compose(src -> scan(new LeadQuery(null, null, from, null, LeadQuery.MAX_LIMIT, null)).map(rows -> {
            out.set("sources", src.path("sources"));
            if (src.has("error")) out.put("sourcesError", src.get("error").asText());
            out.put("activityFrom", from.toString()).put("activityLeads", rows.size()).put("activityTruncated", rows.size() >= SCAN);
            Map<String, Map<LeadStatus, Integer>> perFlow = new TreeMap<>();
            int minutes = (int) Duration.between(from, now).toMinutes() + 1;
            Map<LeadStatus, int[]> perMinute = new EnumMap<>(LeadStatus.class);
            for (LeadStatus s : LeadStatus.values()) perMinute.put(s, new int[minutes]);
            for (LeadSummary l : rows) {
                perFlow.computeIfAbsent(l.flow(), k -> new EnumMap<>(LeadStatus.class)).merge(l.status(), 1, Integer::sum);
                int m = (int) Duration.between(from, l.receivedAt()).toMinutes();
                if (m >= 0 && m < minutes) perMinute.get(l.status())[m]++;
            }
            ObjectNode counters = out.putObject("counters");
            perFlow.forEach((flow, byStatus) -> {
                ObjectNode c = counters.putObject(flow);
                for (LeadStatus s : LeadStatus.values()) c.put(s.name().toLowerCase(Locale.ROOT), byStatus.getOrDefault(s, 0));
            });
            ObjectNode pm = out.putObject("perMinute");
            perMinute.forEach((s, counts) -> {
                ArrayNode a = pm.putArray(s.name().toLowerCase(Locale.ROOT));
                for (int n : counts) a.add(n);
            });
            return mask.json(out);
        }));
    }

    /** The rule texts in force (as the journal stored them for this version), for the playground's editor. */
    private Future<?> rules() {
        Program p = flows.current();
        if (p == null) throw new Refusal(409, "no_rules", "no rules are loaded yet");
        return journal.ledger().rules(p.contentHash()).map(texts -> {
            ObjectNode out = JSON.createObjectNode().put("ruleVersion", p.contentHash());
            ObjectNode files = out.putObject("files");
            texts.orElse(Map.of()).forEach(files::put);
            p.flows().forEach(f -> out.withArray("flows").add(f.name()));
            return out;
        });
    }

    // ---- playground and impact ----

    /** {@code {"rules": {path: text} | null, "flow": …, "lead": {…} | null, "leadId": … | null, "crm": {…} | null}}. */
    private Future<?> playground(RoutingContext ctx) {
        JsonNode req = jsonBody(ctx);
        String flowName = req.path("flow").asText(null);
        JsonNode crm = req.path("crm").isObject() ? req.get("crm") : null;
        Future<JsonNode> lead;
        if (req.hasNonNull("leadId")) {
            String id = req.get("leadId").asText();
            lead = journal.get(id).map(d -> {
                LeadDetail detail = d.orElseThrow(() -> new Refusal(404, "unknown_lead", "no lead with id " + id));
                return (JsonNode) BODIES.parse(LeadBodyParser.mediaType(detail.contentType()), detail.body());
            });
        } else {
            lead = Future.succeededFuture(req.hasNonNull("lead") ? req.get("lead") : null);
        }
        Future<Map<String, String>> texts = req.path("rules").isObject() ? Future.succeededFuture(textMap(req.get("rules"))) : currentTexts();
        return lead.compose(l -> texts.compose(t -> blocking(ctx, () ->
                mask.json(Playground.run(compile(t), flowName, l, crm, clock)))));
    }

    /** {@code {"rules": {path: text}, "limit": N (default 200, at most 5000), "flow": … | null}}: candidate rules against the last N leads. */
    private Future<?> impact(RoutingContext ctx) {
        JsonNode req = jsonBody(ctx);
        if (!req.path("rules").isObject()) throw new Refusal(400, "rules_missing", "send the candidate rule texts: {\"rules\": {path: text}}");
        int limit = req.path("limit").asInt(200);
        if (limit < 1 || limit > SCAN) throw new Refusal(400, "bad_limit", "limit must be 1 to " + SCAN);
        String flow = req.path("flow").asText(null);
        CompileResult candidate = compile(textMap(req.get("rules")));
        if (!candidate.ok()) {
            ObjectNode out = JSON.createObjectNode().put("ok", false);
            out.set("diagnostics", Playground.diagnostics(candidate));
            return Future.succeededFuture(out);
        }
        return scan(new LeadQuery(flow, null, null, null, Math.min(limit, LeadQuery.MAX_LIMIT), null))
                .compose(rows -> stored(rows.subList(0, Math.min(limit, rows.size()))))
                .compose(leads -> baselines(leads).compose(base -> blocking(ctx, () -> {
                    Impact.Report r = Impact.run(leads, l -> base.get(l.id()), candidate);
                    ObjectNode out = r.json(mask::json, 20).put("ok", true);
                    return out;
                })));
    }

    /** The stored leads (body parsed, trace) of these rows, one journal read each, in order. */
    private Future<List<Impact.StoredLead>> stored(List<LeadSummary> rows) {
        List<Impact.StoredLead> out = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (LeadSummary s : rows) {
            if (s.status() == LeadStatus.DUPLICATE) continue;
            chain = chain.compose(x -> journal.get(s.leadId()).map(d -> {
                Program p = flows.current();
                d.ifPresent(detail -> out.add(storedLead(detail, p == null ? null : p.contentHash())));
                return null;
            }));
        }
        return chain.map(x -> out);
    }

    /**
     * A journal record as the impact analysis reads it; a lead no rules decided yet (dead before its
     * decision was recorded, still pending) is compared under {@code fallbackVersion}.
     */
    public static Impact.StoredLead storedLead(LeadDetail d, String fallbackVersion) {
        JsonNode body;
        try {
            body = BODIES.parse(LeadBodyParser.mediaType(d.contentType()), d.body());
        } catch (RuntimeException e) {
            body = null;
        }
        JsonNode trace = null;
        if (d.traceJson() != null) {
            try {
                trace = JSON.readTree(d.traceJson());
            } catch (IOException e) {
                trace = null;
            }
        }
        String version = d.summary().ruleVersion() != null ? d.summary().ruleVersion()
                : d.firstRuleVersion() != null ? d.firstRuleVersion() : fallbackVersion;
        return new Impact.StoredLead(d.summary().leadId(), d.summary().flow(), body, d.summary().receivedAt(), trace, version);
    }

    /** The rules that ran each lead, recompiled once per version from the texts the journal stored (absent: none stored). */
    private Future<Map<String, CompileResult>> baselines(List<Impact.StoredLead> leads) {
        Map<String, CompileResult> byLead = new ConcurrentHashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (String hash : leads.stream().map(Impact.StoredLead::ruleVersion).filter(java.util.Objects::nonNull).distinct().toList()) {
            chain = chain.compose(x -> compiledVersion(hash).map(c -> {
                c.ifPresent(r -> leads.stream().filter(l -> hash.equals(l.ruleVersion())).forEach(l -> byLead.put(l.id(), r)));
                return null;
            }));
        }
        return chain.map(x -> byLead);
    }

    private Future<Optional<CompileResult>> compiledVersion(String hash) {
        CompileResult known = compiledByHash.get(hash);
        if (known != null) return Future.succeededFuture(Optional.of(known));
        return journal.ledger().rules(hash).map(texts -> texts.map(t -> {
            CompileResult r = compile(t);
            if (r.ok()) compiledByHash.put(hash, r);
            return r;
        }));
    }

    private CompileResult compile(Map<String, String> texts) {
        return compiler.compileSources(texts);
    }

    private Future<Map<String, String>> currentTexts() {
        Program p = flows.current();
        if (p == null) return Future.failedFuture(new Refusal(409, "no_rules", "no rules are loaded yet"));
        return journal.ledger().rules(p.contentHash()).map(t -> t.orElseThrow(() ->
                new Refusal(409, "rules_not_stored", "the texts of the rules in force are not in the journal; paste them")));
    }

    private static Map<String, String> textMap(JsonNode rules) {
        Map<String, String> out = new TreeMap<>();
        rules.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) throw new Refusal(400, "bad_rules", "rules must map a file name to its text");
            out.put(e.getKey(), e.getValue().asText());
        });
        if (out.isEmpty()) throw new Refusal(400, "bad_rules", "rules must hold at least one file");
        return out;
    }

    private static JsonNode jsonBody(RoutingContext ctx) {
        String s = ctx.body() == null ? null : ctx.body().asString();
        if (s == null || s.isBlank()) throw new Refusal(400, "body_missing", "this action takes a JSON body");
        try {
            JsonNode n = JSON.readTree(s);
            if (n == null || !n.isObject()) throw new Refusal(400, "bad_json", "the body must be a JSON object");
            return n;
        } catch (IOException e) {
            throw new Refusal(400, "bad_json", "the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static <T> Future<T> blocking(RoutingContext ctx, java.util.concurrent.Callable<T> work) {
        return ctx.vertx().executeBlocking(work, false);
    }

    /** Failed sign-ins: at most 10 a minute for the whole process, so a token cannot be guessed by brute force over HTTP. */
    static final class LoginThrottle {
        private final Clock clock;
        private long windowStart;
        private int failures;

        LoginThrottle(Clock clock) {
            this.clock = clock;
        }

        synchronized boolean allow() {
            roll();
            return failures < 10;
        }

        synchronized void failed() {
            roll();
            failures++;
        }

        private void roll() {
            long now = clock.millis();
            if (now - windowStart > 60_000) {
                windowStart = now;
                failures = 0;
            }
        }
    }
}
