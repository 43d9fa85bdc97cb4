package io.leadflow.runtime.http;

import io.leadflow.runtime.config.Limits;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One HTTP server instance on the shared port (deploy one per event loop). Maps routes to the
 * handlers' {@code handleX} methods; unknown paths, wrong methods and stray failures answer
 * with the same JSON error shape as every refusal.
 */
public final class EdgeVerticle extends VerticleBase {
    private static final Logger LOG = Logger.getLogger(EdgeVerticle.class.getName());
    private final EdgeHandlers h;
    private final String host;
    private final int port;
    private final Limits limits;
    private HttpServer server;

    public EdgeVerticle(EdgeHandlers handlers, String host, int port, Limits limits) {
        this.h = handlers;
        this.host = host;
        this.port = port;
        this.limits = limits;
    }

    @Override
    public Future<?> start() {
        Router r = Router.router(vertx);
        ReadDeadlines deadlines = new ReadDeadlines(vertx, limits.timeouts().headerMillis());
        r.route().handler(deadlines::headersIn);
        routes(r, h);
        r.errorHandler(404, ctx -> fail(ctx, 404, "not_found", "no such path: " + RequestPath.forLog(ctx.request().path())));
        r.errorHandler(405, ctx -> fail(ctx, 405, "method_not_allowed", ctx.request().method() + " is not allowed on " + RequestPath.forLog(ctx.request().path())));
        r.errorHandler(500, ctx -> fail(ctx, 500, "internal_error", "the server failed on this request; nothing was acknowledged"));
        HttpServerOptions opts = new HttpServerOptions().setHost(host).setPort(port)
                .setMaxHeaderSize(limits.headerBytes()).setMaxFormAttributeSize(limits.formValue())
                .setMaxFormFields(limits.formFields()).setTcpNoDelay(true)
                .setIdleTimeout((int) limits.timeouts().idleMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                // HTTP/1.1 only: senders are webhooks and forms; h2c (and its stream floods) is not offered.
                .setHttp2ClearTextEnabled(false)
                .setCompressionSupported(false);
        return vertx.createHttpServer(opts).connectionHandler(deadlines::opened)
                .invalidRequestHandler(EdgeVerticle::invalidRequest)
                .requestHandler(req -> {
                    String bad = RequestPath.problem(req.path());
                    if (bad == null) {
                        r.handle(req);
                        return;
                    }
                    LOG.info("refused a request with a malformed path: " + RequestPath.forLog(req.path()));
                    Responses.refuse(req.response(), new Refusal(400, "bad_path", bad));
                })
                .listen().onSuccess(s -> server = s);
    }

    /** Every route of the edge on {@code r} (what {@code /openapi.json} documents; {@code OpenApiTest} compares them). */
    public static void routes(Router r, EdgeHandlers h) {
        r.post("/v1/leads/:flow").handler(h.intake()::handleIntake);
        // Horoshop delivers its hooks by PUT [P] (crm-apis.md section 6): the same intake.
        r.put("/v1/leads/:flow").handler(h.intake()::handleIntake);
        r.get("/v1/leads").handler(h.registry()::handleList);
        r.get("/v1/leads/:id").handler(h.registry()::handleGet);
        r.post("/v1/leads/:id/replay").handler(h.registry()::handleReplay);
        r.get("/v1/sources").handler(ctx -> h.registry().handleSources(ctx, h.sources()));
        r.get("/v1/flows").handler(ctx -> h.registry().handleFlows(ctx, h.reload().get(), h.accountChecks().get()));
        r.get("/v1/schedules").handler(ctx -> h.registry().handleSchedules(ctx, h.scheduleRuns()));
        r.post("/v1/schedules/:name/run").handler(ctx -> h.registry().handleRunSchedule(ctx, h.runSchedule()));
        r.get("/health").handler(h.health()::handleHealth);
        r.get("/health/live").handler(h.health()::handleLive);
        r.get("/metrics").handler(h.health()::handleMetrics);
        r.get("/openapi.json").handler(OpenApi::handle);
        h.console().mount(r);
    }

    /**
     * A request the HTTP codec could not take (headers over the limit, a request line over the
     * limit, a malformed request): the same JSON error body as every refusal, {@code Connection:
     * close}, then the connection is closed (the codec cannot find where the next request starts).
     * One bounded log line, without the request's bytes.
     */
    static void invalidRequest(io.vertx.core.http.HttpServerRequest req) {
        Throwable cause = req.decoderResult().cause();
        Refusal r;
        if (cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException) {
            r = new Refusal(431, "headers_too_large", "the request's headers are larger than the limit; nothing was stored");
        } else if (cause instanceof io.netty.handler.codec.http.TooLongHttpLineException) {
            r = new Refusal(414, "request_line_too_long", "the request line (method, path and version) is longer than the limit; nothing was stored");
        } else {
            r = new Refusal(400, "malformed_request", "the request is not valid HTTP/1.1; nothing was stored");
        }
        LOG.info("refused a request the HTTP codec could not read: " + r.status() + " " + r.code()
                + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")"));
        var res = req.response().putHeader("Connection", "close");
        Responses.refuse(res, r);
        req.connection().close();
    }

    private static void fail(RoutingContext ctx, int status, String code, String message) {
        Responses.refuse(ctx, new Refusal(status, code, message));
    }

    /** Graceful: no new connections; requests in progress (a pending journal append) get their answer, up to 10 s. */
    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.shutdown(java.time.Duration.ofSeconds(10));
    }

    /** The handlers the routes call, built once and shared by every instance (they are thread-safe). */
    public record EdgeHandlers(IntakeHandler intake, RegistryHandler registry, HealthHandler health, io.leadflow.runtime.console.Console console,
                               Supplier<com.fasterxml.jackson.databind.node.ObjectNode> reload,
                               Supplier<java.util.List<io.leadflow.runtime.account.AccountReport>> accountChecks,
                               Supplier<Future<com.fasterxml.jackson.databind.node.ObjectNode>> sources,
                               io.leadflow.runtime.schedule.ScheduleRuns scheduleRuns,
                               java.util.function.Function<String, Future<io.leadflow.runtime.schedule.Scheduler.RunStarted>> runSchedule) {

        /** With the last runs of the jobs that report them ({@code GET /v1/schedules}). */
        public EdgeHandlers withScheduleRuns(io.leadflow.runtime.schedule.ScheduleRuns runs) {
            return new EdgeHandlers(intake, registry, health, console, reload, accountChecks, sources, runs, runSchedule);
        }

        /** With what starts a declared schedule now ({@code POST /v1/schedules/{name}/run}; by default nothing: refused 409). */
        public EdgeHandlers withScheduleRunner(java.util.function.Function<String, Future<io.leadflow.runtime.schedule.Scheduler.RunStarted>> runner) {
            return new EdgeHandlers(intake, registry, health, console, reload, accountChecks, sources, scheduleRuns, runner);
        }

        static Future<io.leadflow.runtime.schedule.Scheduler.RunStarted> noScheduler(String name) {
            return Future.failedFuture(io.leadflow.runtime.schedule.RunNowRefused.notRunning());
        }

        /** What {@code GET /v1/sources} shows without pull sources: none. */
        static Future<com.fasterxml.jackson.databind.node.ObjectNode> noSources() {
            var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            out.putArray("sources");
            return Future.succeededFuture(out);
        }

        /** Wires every handler over one journal, one program source and one set of source guards. */
        public static EdgeHandlers of(io.leadflow.runtime.journal.Journal journal, io.leadflow.runtime.exec.ProgramSource programs,
                                      io.leadflow.runtime.security.SourceGuards guards, Limits limits, EdgeMetrics metrics,
                                      Supplier<io.leadflow.runtime.reload.ReloadReport> reload,
                                      Supplier<java.util.Map<String, Boolean>> connectors, java.time.Clock clock) {
            return of(journal, programs, guards, limits, metrics, reload, connectors, java.util.List::of, clock);
        }

        /** Same, with the latest account custom-field checks shown in {@code GET /v1/flows}. */
        public static EdgeHandlers of(io.leadflow.runtime.journal.Journal journal, io.leadflow.runtime.exec.ProgramSource programs,
                                      io.leadflow.runtime.security.SourceGuards guards, Limits limits, EdgeMetrics metrics,
                                      Supplier<io.leadflow.runtime.reload.ReloadReport> reload,
                                      Supplier<java.util.Map<String, Boolean>> connectors,
                                      Supplier<java.util.List<io.leadflow.runtime.account.AccountReport>> accountChecks,
                                      java.time.Clock clock) {
            return of(journal, programs, guards, limits, metrics, reload, connectors, accountChecks,
                    new io.leadflow.runtime.reload.DslRuleCompiler(io.leadflow.spi.ConnectorCatalog.discover()), clock);
        }

        /** Same, with the compiler the console's playground and impact view compile candidate rule texts with. */
        public static EdgeHandlers of(io.leadflow.runtime.journal.Journal journal, io.leadflow.runtime.exec.ProgramSource programs,
                                      io.leadflow.runtime.security.SourceGuards guards, Limits limits, EdgeMetrics metrics,
                                      Supplier<io.leadflow.runtime.reload.ReloadReport> reload,
                                      Supplier<java.util.Map<String, Boolean>> connectors,
                                      Supplier<java.util.List<io.leadflow.runtime.account.AccountReport>> accountChecks,
                                      io.leadflow.runtime.reload.RuleCompiler compiler, java.time.Clock clock) {
            return of(journal, programs, guards, limits, metrics, reload, connectors, accountChecks, compiler, EdgeHandlers::noSources, clock);
        }

        /** Same, with the pull sources' cursors and last pulls ({@code GET /v1/sources}, the console). */
        public static EdgeHandlers of(io.leadflow.runtime.journal.Journal journal, io.leadflow.runtime.exec.ProgramSource programs,
                                      io.leadflow.runtime.security.SourceGuards guards, Limits limits, EdgeMetrics metrics,
                                      Supplier<io.leadflow.runtime.reload.ReloadReport> reload,
                                      Supplier<java.util.Map<String, Boolean>> connectors,
                                      Supplier<java.util.List<io.leadflow.runtime.account.AccountReport>> accountChecks,
                                      io.leadflow.runtime.reload.RuleCompiler compiler,
                                      Supplier<Future<com.fasterxml.jackson.databind.node.ObjectNode>> sources, java.time.Clock clock) {
            FlowDirectory flows = new FlowDirectory(programs);
            Supplier<com.fasterxml.jackson.databind.node.ObjectNode> reloadJson = () -> ReloadJson.of(reload.get());
            return new EdgeHandlers(new IntakeHandler(flows, guards, journal, limits, metrics, clock),
                    new RegistryHandler(journal, flows, guards), new HealthHandler(journal, flows, connectors, metrics),
                    new io.leadflow.runtime.console.Console(journal, flows, guards, compiler, reloadJson, accountChecks, sources, clock),
                    reloadJson, accountChecks, sources, io.leadflow.runtime.schedule.ScheduleRuns.NONE, EdgeHandlers::noScheduler);
        }
    }
}
