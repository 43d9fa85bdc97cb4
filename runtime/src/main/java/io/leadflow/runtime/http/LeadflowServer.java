package io.leadflow.runtime.http;

import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.account.AccountCheck;
import io.leadflow.runtime.config.SandboxTokens;
import io.leadflow.runtime.config.LiveSecrets;
import io.leadflow.runtime.config.Secrets;
import io.leadflow.runtime.config.ServeSettings;
import io.leadflow.runtime.config.Slugs;
import io.leadflow.runtime.exec.Engine;
import io.leadflow.runtime.exec.EngineOptions;
import io.leadflow.runtime.exec.EvaluationMarks;
import io.leadflow.runtime.exec.ProgramHolder;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.sqlite.JournalOptions;
import io.leadflow.runtime.journal.sqlite.ClusterLeases;
import io.leadflow.runtime.journal.sqlite.PostgresJournal;
import io.leadflow.runtime.journal.sqlite.SqliteJournal;
import io.leadflow.runtime.reload.ReloadReport;
import io.leadflow.runtime.reload.RuleCompiler;
import io.leadflow.runtime.reload.RuleFolder;
import io.leadflow.runtime.pull.SourcePollers;
import io.leadflow.runtime.reload.RuleWatcher;
import io.leadflow.runtime.sandbox.AccountKey;
import io.leadflow.runtime.sandbox.ConnectorAccounts;
import io.leadflow.connector.catalog.ProductSyncSpec;
import io.leadflow.connector.catalog.FileCheckpointStore;
import io.leadflow.runtime.schedule.JobRegistry;
import io.leadflow.runtime.schedule.ProductSyncJob;
import io.leadflow.runtime.schedule.RunNowRefused;
import io.leadflow.runtime.security.LogMasker;
import io.leadflow.runtime.security.SourceGuards;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The whole running process behind {@code leadflow serve}: rules compiled and watched, journal
 * opened, connectors (or emulators) ready, executor started, HTTP edge listening; and the
 * reverse order on {@link #stop()}.
 */
public final class LeadflowServer {
    private static final Logger LOG = Logger.getLogger(LeadflowServer.class.getName());

    private final Vertx vertx;
    private final Journal journal;
    private final NodeEngines engines;
    private final EdgeServer edge;
    private final RuleWatcher watcher;
    private final ConnectorAccounts accounts;
    private final SourcePollers pollers;
    private final long statsTimer;
    private final AccountCheck accountCheck;

    private LeadflowServer(Vertx vertx, Journal journal, NodeEngines engines, EdgeServer edge,
                           RuleWatcher watcher, ConnectorAccounts accounts, long statsTimer, SourcePollers pollers, AccountCheck accountCheck) {
        this.accountCheck = accountCheck;
        this.pollers = pollers;
        this.vertx = vertx;
        this.journal = journal;
        this.engines = engines;
        this.edge = edge;
        this.watcher = watcher;
        this.accounts = accounts;
        this.statsTimer = statsTimer;
    }

    /** Thrown when the server cannot start; the message says why in the user's terms. */
    public static final class StartFailure extends RuntimeException {
        public StartFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Starts everything; blocking (call from {@code main}, never from an event loop). */
    public static LeadflowServer start(ServeSettings s, RuleCompiler compiler, Map<String, String> env, PrintStream out) throws Exception {
        return start(s, compiler, env, out, io.leadflow.runtime.exec.RetryPolicy.defaults(), io.leadflow.runtime.exec.BreakerPolicy.defaults());
    }

    /**
     * The same with another retry schedule and circuit breaker for failed steps: for embedding
     * tests that put a real outage of a minute in front of the runtime without waiting for the
     * production schedule's 10-minute step or the breaker's doubling windows (RELIABILITY.md §6.3);
     * {@code serve} always runs the defaults.
     */
    public static LeadflowServer start(ServeSettings s, RuleCompiler compiler, Map<String, String> env, PrintStream out,
                                       io.leadflow.runtime.exec.RetryPolicy retry, io.leadflow.runtime.exec.BreakerPolicy breakers) throws Exception {
        LiveSecrets secrets = new LiveSecrets(s.secretsFile(), env);
        LogMasker.install(() -> secrets.current().values());
        ProgramHolder programs = new ProgramHolder();
        // The first program is loaded before anything else is built (what is built depends on it);
        // the reaction to later versions is handed to the watcher once every part it touches exists.
        RuleWatcher watcher = new RuleWatcher(new RuleFolder(s.rulesDir()), compiler, (p, sources) -> programs.swap(p),
                Duration.ofSeconds(2), Clock.systemUTC());
        ReloadReport first = watcher.loadNow();
        if (!first.ok()) {
            throw new StartFailure("the rules under " + s.rulesDir() + " do not compile:\n" + first.rendered());
        }
        Program program = programs.current();
        secrets.addGenerated(generatedTokens(s, program, secrets.current(), out));

        Vertx vertx = Vertx.vertx();
        io.leadflow.runtime.lifecycle.FatalErrors.install(vertx);
        try {
            Journal journal = openJournal(vertx, s, out);
            PostgresJournal shared = journal instanceof PostgresJournal pg ? pg : null;
            ClusterLeases lease = shared == null ? null : shared.leases();
            storeRules(journal, program, watcher.runningSources());
            ConnectorAccounts accounts = new ConnectorAccounts(vertx, ConnectorAccounts.discover(), s.sandbox(), secrets::current, out::println,
                    s.dataDir().resolve("ratelimit"), s.dataDir().resolve("emulators"));
            accounts.prepare(program).otherwise(e -> {
                LOG.warning("not every CRM account is ready; its leads wait and retry: " + e.getMessage());
                return null;
            }).await();
            List<String> refused = accounts.configErrors(program, pulledAccounts(program)).await();
            if (!refused.isEmpty()) {
                throw new StartFailure("the account configuration is refused (nothing was sent to any CRM):\n  " + String.join("\n  ", refused));
            }
            // Every account is checked, the emulated ones too (issue 9 defect 2): a sandbox refuses what the real account would.
            AccountCheck check = new AccountCheck(accounts::connector, key -> true);
            try {   // leads start only after it (or 30 s): their effects are checked against what it read
                check.run(program).toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.warning("the CRM accounts' field lists were not read within 30 s; leads are checked once they are");
            }
            NodeEngines engines = new NodeEngines();
            EdgeMetrics metrics = new EdgeMetrics(engines::inFlight);
            ProductSyncJob productSync = new ProductSyncJob(accounts::config,
                    new FileCheckpointStore(vertx, s.dataDir().resolve("sync")));
            JobRegistry jobs = JobRegistry.builtins().with(ProductSyncSpec.SPEC.name(), productSync);
            // Opened once per process: a mark left by the previous process counts one crash of its lead.
            EngineOptions engineOptions = s.deliver()
                    ? EngineOptions.defaults().withRetry(retry).withBreakers(breakers).withListener(metrics).withJobs(jobs).withEvaluationMarks(EvaluationMarks.open(s.dataDir()))
                            .withSchemas(check::schema)
                    : null;
            if (s.deliver() && lease == null) {
                engines.replaceLanes(startEngine(vertx, journal.ledger(), programs, accounts, compiler, engineOptions));
            } else if (s.deliver()) {
                out.println("node " + lease.nodeId() + " on a shared journal: it takes leads and delivers the contact lanes of the partitions it holds");
            } else {
                out.println("delivery is PAUSED (--pause-delivery): leads are journaled and acknowledged, none is run until a start without it");
            }
            SourceGuards guards = new SourceGuards(secrets.current(), s.limits(), Clock.systemUTC());
            SourcePollers pollers = new SourcePollers(vertx, journal, io.leadflow.spi.ConnectorCatalog.discover(),
                    (spec, settings) -> accounts.pullConnector(new AccountKey(spec.system(), spec.account()), settings), Clock.systemUTC());
            var handlers = EdgeVerticle.EdgeHandlers.of(journal, programs, guards, s.limits(), metrics, watcher::lastReport,
                    () -> readiness(accounts, programs.current()), check::latest, compiler, pollers::report, Clock.systemUTC())
                    .withScheduleRuns(productSync::lastRuns)
                    .withScheduleRunner(name -> {
                        Engine runs = lease == null ? engines.lanes() : engines.router();   // a shared journal: the coordinator's
                        return runs == null ? Future.failedFuture(RunNowRefused.notRunning()) : runs.runSchedule(name);
                    });
            int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
            EdgeServer edge = EdgeServer.start(vertx, handlers, s.host(), s.port(), loops, s.limits()).await();
            long timer = vertx.setPeriodic(1000, t -> journal.stats().onSuccess(metrics::sample));
            vertx.setPeriodic(2000, t -> vertx.executeBlocking(secrets::reloadIfChanged, false).onSuccess(next -> next.ifPresent(n -> {
                guards.reload(n);
                LOG.info("secrets file changed: source tokens and webhook secrets reloaded");
            })).onFailure(e -> LOG.warning("cannot re-read the secrets file: " + e.getMessage())));
            if (lease == null) pollers.apply(program);
            if (lease != null && s.deliver()) {
                lease.onChange(new ClusterLeases.Listener() {
                    @Override
                    public void coordinatorAcquired(long epoch) {
                        engines.replaceRouter(startEngine(vertx, shared.ledger(), programs, accounts, compiler, engineOptions));
                        pollers.apply(programs.current());
                        out.println("node " + lease.nodeId() + " is the coordinator (epoch " + epoch + "): it routes new leads to partitions,"
                                + " runs the schedules and reads the pull sources");
                    }

                    @Override
                    public void coordinatorLost(long epoch) {
                        pollers.stop();
                        Engine running = engines.replaceRouter(null);
                        if (running != null) await(running.stop(), "stopping the coordinator's executor after losing its lease");
                        out.println("node " + lease.nodeId() + " is no longer the coordinator (epoch " + epoch + ")");
                    }

                    @Override
                    public void partitions(java.util.Set<Integer> held) {
                        Engine running = engines.replaceLanes(null);
                        if (running != null) await(running.stop(), "stopping delivery before the partitions change");
                        io.leadflow.connector.ratelimit.ClusterShare.set((double) held.size() / Math.max(1, lease.partitions()));
                        if (!held.isEmpty()) engines.replaceLanes(startEngine(vertx, shared.deliveryLedger(held), programs, accounts, compiler, engineOptions));
                        out.println("node " + lease.nodeId() + " delivers partitions " + held + " of " + lease.partitions());
                    }
                });
                io.leadflow.connector.ratelimit.ClusterShare.set(0);
                lease.start();
            }
            // a reload whose account configuration is refused keeps the running program (the start refuses the same above)
            watcher.gate(p -> accounts.configErrors(p, pulledAccounts(p)).await());
            // a shared journal: only the coordinator reads pull sources (one reader per feed, one cursor)
            java.util.function.BooleanSupplier pullsHere = lease == null ? () -> true : lease::coordinator;
            watcher.start(new Reloads(programs, journal, accounts, check, pollers, pullsHere, guards, secrets, s, out));
            banner(out, s, edge.port(), program, secrets.current());
            return new LeadflowServer(vertx, journal, engines, edge, watcher, accounts, timer, pollers, check);
        } catch (Exception | Error e) {
            vertx.close();
            throw e;
        }
    }

    /** What a new rule version (compiled, past the gate) reaches: every running part that depends on the rules. */
    private record Reloads(ProgramHolder programs, Journal journal, ConnectorAccounts accounts, AccountCheck check, SourcePollers pollers,
                           java.util.function.BooleanSupplier pullsHere, SourceGuards guards, LiveSecrets secrets, ServeSettings s,
                           PrintStream out) implements java.util.function.BiConsumer<Program, Map<String, String>> {
        @Override
        public void accept(Program p, Map<String, String> sources) {
            programs.swap(p);
            storeRules(journal, p, sources);
            accounts.prepare(p).onFailure(e -> LOG.warning("reloaded rules name an account that cannot be reached: " + e.getMessage()));
            check.run(p);
            if (pullsHere.getAsBoolean()) pollers.apply(p);
            Map<String, String> fresh = generatedTokens(s, p, secrets.current(), out);
            if (!fresh.isEmpty()) guards.reload(secrets.addGenerated(fresh));
            fresh.forEach((k, v) -> {
                if (k.startsWith("source.")) out.println("new source '" + k.substring(7, k.length() - ".token".length()) + "' token: " + v);
            });
        }
    }

    /** The embedded SQLite file in the data folder, or the shared PostgreSQL database {@code --journal} names. */
    private static Journal openJournal(Vertx vertx, ServeSettings s, PrintStream out) {
        if (s.journal() == null) return SqliteJournal.open(vertx, s.dataDir(), JournalOptions.defaults()).await();
        try {
            return PostgresJournal.open(vertx, s.journal(), s.nodeId(), JournalOptions.defaults(), LEASE_TTL, s.deliver()).await();
        } catch (RuntimeException e) {
            throw new StartFailure("cannot open the PostgreSQL journal: " + e.getMessage());
        }
    }

    /** How long a silent node keeps its leases: a node killed with -9 is replaced after about this long. */
    static final Duration LEASE_TTL = Duration.ofSeconds(10);

    /** Keeps a loaded version's rule texts in the journal (once per hash) for ORIGINAL replays after a restart. */
    private static void storeRules(Journal journal, Program program, Map<String, String> sources) {
        if (sources == null || sources.isEmpty()) return;
        journal.ledger().storeRules(program.contentHash(), sources)
                .onFailure(e -> LOG.warning("cannot store the rule texts of version " + program.contentHash()
                        + " (ORIGINAL replays of it need it loaded): " + e.getMessage()));
    }

    private static Engine startEngine(Vertx vertx, io.leadflow.runtime.journal.Ledger ledger, ProgramHolder programs, ConnectorAccounts accounts,
                                      RuleCompiler compiler, EngineOptions options) {
        try {
            return Engine.start(vertx, ledger, programs, accounts::get, Clock.systemUTC(), options, compiler::compileSources).await();
        } catch (UnsupportedOperationException e) {
            // The executor is built alongside this edge; until it is merged, serve still takes leads durably.
            LOG.warning("the executor is not part of this build (" + e.getMessage() + "): leads are journaled but not delivered");
            return null;
        }
    }

    private static Map<String, Boolean> readiness(ConnectorAccounts accounts, Program program) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (program == null) return out;
        for (AccountKey k : ConnectorAccounts.accountsOf(program)) out.put(k.toString(), accounts.get(k.connector(), k.account()).isPresent());
        return out;
    }

    /** Each pulled flow's account with the settings its pull reads ({@code feed}, {@code since}, …). */
    private static List<Map.Entry<AccountKey, Map<String, String>>> pulledAccounts(Program program) {
        io.leadflow.spi.ConnectorCatalog catalog = io.leadflow.spi.ConnectorCatalog.discover();
        List<Map.Entry<AccountKey, Map<String, String>>> out = new java.util.ArrayList<>();
        for (Flow f : program.flows()) {
            io.leadflow.runtime.pull.PullSpec.of(f, catalog)
                    .ifPresent(p -> out.add(Map.entry(new AccountKey(p.system(), p.account()), p.settings())));
        }
        return out;
    }

    private static Map<String, String> generatedTokens(ServeSettings s, Program program, Secrets secrets, PrintStream out) {
        Map<String, String> extra = new HashMap<>();
        io.leadflow.spi.ConnectorCatalog catalog = io.leadflow.spi.ConnectorCatalog.discover();
        // a pulled flow has no intake, so no source token
        var slugs = program.flows().stream().filter(f -> io.leadflow.runtime.pull.PullSpec.of(f, catalog).isEmpty())
                .map(f -> Slugs.of(f.name())).toList();
        SandboxTokens gen = new SandboxTokens();
        if (s.sandbox()) {
            extra.putAll(gen.forUnconfigured(slugs, secrets));
        } else {
            for (String slug : slugs) {
                if (!secrets.source(slug).configured()) {
                    LOG.warning("source '" + slug + "' has no token or webhook secret: its intake refuses every lead (set LEADFLOW_SOURCE_"
                            + Slugs.env(slug) + "_TOKEN, or run with --sandbox to get a generated one)");
                }
            }
        }
        if (secrets.adminTokens().isEmpty()) {
            String admin = gen.newToken();
            extra.put("admin.token", admin);
            out.println("admin token for this run (console sign-in, registry API): " + admin);
        }
        return extra;
    }

    private static void banner(PrintStream out, ServeSettings s, int port, Program program, Secrets secrets) {
        String base = "http://" + ("0.0.0.0".equals(s.host()) ? "127.0.0.1" : s.host()) + ":" + port;
        out.println("leadflow listening on " + base + (s.sandbox() ? " (sandbox: every CRM is its emulator)" : "")
                + ", data in " + s.dataDir().toAbsolutePath() + ", rules version " + program.contentHash().substring(0, 12));
        io.leadflow.spi.ConnectorCatalog catalog = io.leadflow.spi.ConnectorCatalog.discover();
        for (Flow f : program.flows()) {
            String slug = Slugs.of(f.name());
            var pull = io.leadflow.runtime.pull.PullSpec.of(f, catalog);
            if (pull.isPresent()) {
                out.println("flow '" + f.name() + "' → " + f.connector() + "/" + f.account() + "   PULLED from " + f.source()
                        + " (account '" + pull.get().account() + "') every " + pull.get().poll().toSeconds() + " s; cursor: GET " + base + "/v1/sources");
                continue;
            }
            var src = secrets.source(slug);
            out.println("flow '" + f.name() + "' → " + f.connector() + "/" + f.account() + "   POST " + base + "/v1/leads/" + slug);
            if (s.sandbox() && !src.tokens().isEmpty()) {
                out.println("  token: " + src.tokens().get(0));
                sampleCurl(base + "/v1/leads/" + slug, src.tokens().get(0), f, catalog).ifPresent(curl -> out.println("  try:   " + curl));
            }
        }
        out.println("console: " + base + "/ (sign in with the admin token)   registry: " + base + "/v1/leads (admin token)   health: "
                + base + "/health   metrics: " + base + "/metrics   API: " + base + "/openapi.json");
        out.flush();
    }

    /**
     * The {@code curl} that posts one lead as the flow's own source sends it: the source kind's
     * sample ({@link io.leadflow.spi.source.SourceSample}: Horoshop's order JSON, Calltouch's
     * form-encoded call, a KeyCRM status webhook, a site form), with its content type; empty when
     * the kind has none.
     */
    static Optional<String> sampleCurl(String url, String token, Flow flow, io.leadflow.spi.ConnectorCatalog catalog) {
        String[] parts = flow.source().split("\\.", 2);
        if (parts.length != 2) return Optional.empty();
        return catalog.source(parts[0]).flatMap(d -> d.kind(parts[1])).flatMap(io.leadflow.spi.source.SourceKind::pushedSample)
                .map(sample -> "curl -sS -X POST " + url + " -H " + shellQuote("Authorization: Bearer " + token)
                        + " -H " + shellQuote("Content-Type: " + sample.contentType()) + " --data-binary " + shellQuote(sample.body()));
    }

    /** One shell word in single quotes ({@code '} written as {@code '\''}). */
    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The CRM accounts' own field lists as read at start (in sandbox, the emulated accounts': what an example's accounts.json describes). */
    public List<io.leadflow.spi.account.AccountSchema> accountSchemas() {
        return accountCheck.schemas();
    }

    public int port() {
        return edge.port();
    }

    /** Graceful stop: stop accepting, let the executor finish or park in-flight leads, close the store. */
    public void stop() {
        watcher.close();
        pollers.stop();
        vertx.cancelTimer(statsTimer);
        await(edge.stop(), "stopping the HTTP edge");
        if (journal instanceof PostgresJournal pg) pg.leases().stopTicking();   // no engine starts after this
        Engine r = engines.replaceRouter(null);
        if (r != null) await(r.stop(), "stopping the coordinator's executor");
        Engine e = engines.replaceLanes(null);
        if (e != null) await(e.stop(), "stopping the executor");
        if (journal instanceof PostgresJournal) io.leadflow.connector.ratelimit.ClusterShare.off();   // a later server in this JVM starts whole
        await(journal.close(), "closing the journal");
        await(accounts.close(), "closing connectors");
        await(vertx.close(), "closing Vert.x");
    }

    private static void await(Future<?> f, String what) {
        try {
            f.await();
        } catch (RuntimeException e) {
            LOG.warning(what + " failed: " + e.getMessage());
        }
    }
}
