package io.leadflow.connector.emulator;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.Emulator;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Base of every CRM emulator: a Vert.x server on 127.0.0.1 with the CRM's own routes (from the
 * subclass) behind a common gate, plus the inspection and fault endpoints:
 * <ul>
 *   <li>{@code GET /__emulator/state}: {@code {"records": …, "requests": {op: n}, "overLimitAnswers": n, "faults": …}}</li>
 *   <li>{@code DELETE /__emulator/state}: forget records, counters, faults and the rate window
 *       (reference data such as statuses stays)</li>
 *   <li>{@code POST /__emulator/faults}: see {@link Faults}</li>
 *   <li>{@code PUT /__emulator/mode} {@code {"mode":"pessimistic"}}: how unconfirmed behaviours are
 *       played ({@link EmulatorMode}); kept across a reset, shown in the state as {@code mode}</li>
 *   <li>{@code POST /__emulator/seed}: records in the connector-neutral seed format (below),
 *       answered with the ids given: {@code {"contacts": {ref: id}, "deals": {ref: id}}}</li>
 * </ul>
 * Seed format: {@code {"contacts":[{"ref":"c1","name":…,"phone":…,"email":…,"createdAt":"2026-01-01T00:00:00Z",
 * "manager":"101"}], "deals":[{"ref":"d1","contact":"c1","title":…,"group":"open|completed|cancelled",
 * "createdAt":…,"manager":…,"fields":{"deal_cf_1043":"x"}}]}}; phones are stored exactly as given.
 *
 * <p>Everything a test or a sandbox user can change lives in this object: records
 * ({@link #records()}), counters, faults, the rate window and the {@link #mode()}.
 *
 * <p>The rate limit given to the constructor is the one the API reference documents for the
 * system, never the adapter's constant (a wrong adapter limit must be able to fail a test).
 *
 * <p>The gate, for every CRM call: count it per {@link #operation operation}; a fault from the
 * switch answers first ({@link #faultResponse}); then the documented rate limit, a sliding window
 * per {@link #rateKey} answered with the CRM's own over-limit signal ({@link #overLimit}); then
 * the configured delay. Writes answer through {@link #replyWrite}, which honours
 * {@code commitThenDrop}. All handlers run on the server's event loop; nothing blocks.
 */
public abstract class EmulatorServer implements Emulator {
    protected final Vertx vertx;
    private final Faults faults = new Faults();
    private final RequestCounters counters = new RequestCounters();
    private volatile SlidingWindow window;
    private volatile long overLimitAnswers;
    private volatile EmulatorMode mode = EmulatorMode.OPTIMISTIC;
    private final Deque<ReceivedRequest> received = new ArrayDeque<>();
    private static final int RECEIVED_KEPT = 100;
    /** When the rate window admitted each of the last {@link #ADMITTED_KEPT} calls (nanoTime), oldest first. */
    private final Deque<Long> admittedAt = new ArrayDeque<>();
    private static final int ADMITTED_KEPT = 10_000;
    private HttpServer server;
    /** Where the records are kept across restarts, or null (memory only). */
    private volatile RecordsFile recordsFile;

    /** @param documented the system's rate limit as the API reference states it (crm-apis.md), not the adapter's */
    protected EmulatorServer(Vertx vertx, RateLimit documented) {
        this.vertx = vertx;
        this.window = new SlidingWindow(documented);
    }

    /** The connector name that {@link #account} puts in the config ({@code baselinker}). */
    protected abstract String connectorName();

    /** The API key / token this emulator accepts. */
    protected abstract String validKey();

    /** The CRM's own routes (paths, auth, encodings, envelopes, errors). */
    protected abstract void routes(Router router);

    /** All records, as JSON, for {@code GET /__emulator/state}. */
    protected abstract JsonObject records();

    /** Forgets all records (not reference data). */
    protected abstract void clearRecords();

    /** Answers with the CRM's own over-limit signal (429 + Retry-After, 503, a 200 with an error code…). */
    protected abstract void overLimit(RoutingContext ctx, Duration retryAfter);

    /** Stores records given in the neutral seed format; the default refuses (a CRM without contacts). */
    protected JsonObject seed(JsonObject request) {
        throw new UnsupportedOperationException(connectorName() + " emulator cannot seed contacts or deals");
    }

    /**
     * Extra {@code /__emulator/…} routes of one emulator (what a user does in the CRM's own UI,
     * such as a manager changing an order's status); outside the gate, so not counted as API calls.
     */
    protected void adminRoutes(Router router) {
    }

    /** Settings put into {@link #account} (site code, inventory id…). */
    protected Map<String, String> accountSettings() {
        return Map.of();
    }

    /** What the request counters call this call; default {@code METHOD /path}. */
    protected String operation(RoutingContext ctx) {
        return ctx.request().method().name() + " " + ctx.request().path();
    }

    /** Whose rate window this call counts against; default one window for the whole emulator. */
    protected String rateKey(RoutingContext ctx) {
        return "all";
    }

    /** An injected failure; default: the status, Retry-After when set, a small JSON body. */
    protected void faultResponse(RoutingContext ctx, int status, Duration retryAfter) {
        if (retryAfter != null) ctx.response().putHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
        reply(ctx, status, new JsonObject().put("error", "emulated fault"));
    }

    public Future<EmulatorServer> start(int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(1024 * 1024)); // no uploads: the default makes ./file-uploads in the working directory
        router.get("/__emulator/state").handler(this::handleState);
        router.delete("/__emulator/state").handler(this::handleReset);
        router.post("/__emulator/faults").handler(this::handleFaults);
        router.post("/__emulator/seed").handler(this::handleSeed);
        router.put("/__emulator/mode").handler(this::handleMode);
        adminRoutes(router);
        router.route().handler(this::gate);
        routes(router);
        router.route().failureHandler(this::handleFailure);
        return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
                .map(s -> {
                    server = s;
                    return this;
                });
    }

    @Override
    public int port() {
        return server.actualPort();
    }

    @Override
    public AccountConfig account(String accountName) {
        return new AccountConfig(connectorName(), accountName, "http://127.0.0.1:" + port(),
                Map.of(AccountConfig.API_KEY, validKey()), accountSettings());
    }

    @Override
    public Future<Void> stop() {
        Future<Void> saved = recordsFile == null ? Future.succeededFuture() : recordsFile.close();
        return saved.eventually(() -> server == null ? Future.succeededFuture() : server.close());
    }

    @Override
    public Future<Void> keepRecordsIn(java.nio.file.Path file) {
        if (recordsFile != null) return Future.failedFuture(new IllegalStateException("records are already kept in " + recordsFile.path()));
        return RecordsFile.open(vertx, file, this::persistedRecords, this::restoreRecords).map(f -> {
            recordsFile = f;
            return null;
        });
    }

    /** What a records file keeps: {@link #records()} unless more must survive a restart ({@link EmulatorRecords#persisted}). */
    protected JsonObject persistedRecords() {
        return records();
    }

    /** Replaces the records with a snapshot's; see {@link EmulatorRecords#restore}. The default cannot. */
    protected void restoreRecords(JsonObject snapshot) {
        throw new UnsupportedOperationException(connectorName() + " emulator keeps its records in memory only");
    }

    private void changed() {
        RecordsFile f = recordsFile;
        if (f != null) f.changed();
    }

    public Faults faults() {
        return faults;
    }

    public RequestCounters counters() {
        return counters;
    }

    /** Over-limit answers given so far (by the rate window or the fault switch). */
    public long overLimitAnswers() {
        return overLimitAnswers;
    }

    /**
     * When the rate window admitted each of the last 10,000 calls ({@link System#nanoTime}, as the
     * window counted them), oldest first: what a test measures the share of the limit used on.
     */
    public synchronized long[] admittedArrivals() {
        return admittedAt.stream().mapToLong(Long::longValue).toArray();
    }

    private synchronized void admitted(long nanos) {
        if (admittedAt.size() == ADMITTED_KEPT) admittedAt.pollFirst();
        admittedAt.addLast(nanos);
    }

    /** How unconfirmed behaviours are played now. */
    public EmulatorMode mode() {
        return mode;
    }

    /** Switches how unconfirmed behaviours are played; records stay. */
    public void mode(EmulatorMode mode) {
        this.mode = mode;
    }

    /** Shorthand for {@code mode() == PESSIMISTIC}, for the emulator's [U] branches. */
    protected boolean pessimistic() {
        return mode == EmulatorMode.PESSIMISTIC;
    }

    /** Replaces the enforced limit (benchmarks scale Baselinker's 100/min down); resets the window. */
    public void rateLimit(RateLimit limit) {
        this.window = new SlidingWindow(limit);
    }

    /** Whether a presented key is the valid one (constant time). */
    protected boolean authorised(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                validKey().getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with a JSON body (object, array or scalar). */
    protected void reply(RoutingContext ctx, int status, Object body) {
        send(ctx, status, body, null);
    }

    /**
     * Answers a write after it was performed, unless a {@code commitThenDrop} fault drops the
     * connection instead or a {@code halfSendNext} fault cuts the answer short.
     */
    protected void replyWrite(RoutingContext ctx, int status, Object body) {
        if (faults.takeCommitThenDrop()) {
            ctx.request().connection().close();
            return;
        }
        send(ctx, status, body, faults.takeHalfSend());
    }

    private void send(RoutingContext ctx, int status, Object body, Faults.HalfSend half) {
        var res = ctx.response();
        if (res.ended() || res.closed()) return;
        Buffer bytes = Buffer.buffer(Json.encode(body));
        res.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8");
        int rate = faults.bytesPerSecond();
        if (half == null && rate == 0) {
            res.end(bytes);
            return;
        }
        res.putHeader("Content-Length", Integer.toString(bytes.length()));
        int upTo = half == null ? bytes.length() : bytes.length() / 2;
        Runnable after = half == null ? res::end : half == Faults.HalfSend.DROP ? () -> ctx.request().connection().close() : () -> { };
        if (rate == 0) {
            res.write(bytes.slice(0, upTo));
            after.run();
        } else {
            trickle(res, bytes.slice(0, upTo), Math.max(1, rate / 10), after);
        }
    }

    /** Writes {@code bytes} a slice every 100 ms, then runs {@code after}; stops if the client went away. */
    private void trickle(io.vertx.core.http.HttpServerResponse res, Buffer bytes, int slice, Runnable after) {
        if (res.closed()) return;
        int n = Math.min(slice, bytes.length());
        res.write(bytes.slice(0, n));
        if (n == bytes.length()) {
            after.run();
            return;
        }
        Buffer rest = bytes.slice(n, bytes.length());
        vertx.setTimer(100, t -> trickle(res, rest, slice, after));
    }

    /** The last CRM calls received (at most 100), oldest first; for encoding tests. */
    public synchronized List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    /** The last call of an operation, or null. */
    public synchronized ReceivedRequest lastReceived(String operation) {
        ReceivedRequest last = null;
        for (ReceivedRequest r : received) if (r.operation().equals(operation)) last = r;
        return last;
    }

    private synchronized void keep(RoutingContext ctx, String operation) {
        if (received.size() == RECEIVED_KEPT) received.pollFirst();
        String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        received.addLast(new ReceivedRequest(operation, ctx.request().method().name(), ctx.request().uri(),
                ctx.request().getHeader("Content-Type"), MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().headers()), body));
    }

    private void gate(RoutingContext ctx) {
        changed();
        ctx.addEndHandler(done -> changed());      // a handler may change records after the gate: save what it left
        String operation = operation(ctx);
        counters.increment(operation);
        keep(ctx, operation);
        Faults.Failure failure = faults.takeFailure();
        if (failure != null) {
            faultResponse(ctx, failure.status(), failure.retryAfter());
            return;
        }
        Duration wait = faults.takeOverLimit();
        long now = System.nanoTime();
        if (wait == null) wait = window.admit(rateKey(ctx), now);
        if (wait != null) {
            overLimitAnswers++;
            overLimit(ctx, wait);
            return;
        }
        admitted(now);
        long delay = faults.delayMs();
        if (delay > 0) vertx.setTimer(delay, id -> ctx.next());
        else ctx.next();
    }

    private void handleState(RoutingContext ctx) {
        reply(ctx, 200, new JsonObject().put("records", records()).put("requests", counters.toJson())
                .put("overLimitAnswers", overLimitAnswers).put("faults", faults.toJson()).put("mode", mode.wire()));
    }

    private void handleReset(RoutingContext ctx) {
        reset();
        ctx.response().setStatusCode(204).end();
    }

    /** Same as {@code DELETE /__emulator/state}. */
    public void reset() {
        clearRecords();
        changed();
        synchronized (this) {
            received.clear();
            admittedAt.clear();
        }
        counters.reset();
        faults.reset();
        window.reset();
        overLimitAnswers = 0;
    }

    private void handleFaults(RoutingContext ctx) {
        try {
            faults.apply(ctx.body().asJsonObject());
            reply(ctx, 200, faults.toJson());
        } catch (DecodeException | ClassCastException | IllegalArgumentException | NullPointerException e) {
            reply(ctx, 400, new JsonObject().put("error", "fault request must be a JSON object: " + e.getMessage()));
        }
    }

    private void handleMode(RoutingContext ctx) {
        try {
            mode(EmulatorMode.parse(ctx.body().asJsonObject().getString("mode")));
            reply(ctx, 200, new JsonObject().put("mode", mode.wire()));
        } catch (DecodeException | ClassCastException | IllegalArgumentException | NullPointerException e) {
            reply(ctx, 400, new JsonObject().put("error", "mode request must be {\"mode\": \"optimistic\"|\"pessimistic\"}: " + e.getMessage()));
        }
    }

    private void handleSeed(RoutingContext ctx) {
        try {
            reply(ctx, 200, seed(ctx.body().asJsonObject()));
            changed();
        } catch (UnsupportedOperationException e) {
            reply(ctx, 501, new JsonObject().put("error", e.getMessage()));
        } catch (RuntimeException e) {
            reply(ctx, 400, new JsonObject().put("error", "bad seed request: " + e.getMessage()));
        }
    }

    /** A handler that threw: a plain 500 instead of a hang, as a real server would answer. */
    private void handleFailure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String what = ctx.failure() == null ? "error" : ctx.failure().getClass().getSimpleName();
        reply(ctx, status, new JsonObject().put("error", "emulator could not handle the request: " + what));
    }

    /** Seconds to put in a Retry-After for a wait, rounded up, at least 1. */
    protected static long retryAfterSeconds(Duration wait) {
        long s = (wait.toMillis() + 999) / 1000;
        return Math.max(1, s);
    }
}
