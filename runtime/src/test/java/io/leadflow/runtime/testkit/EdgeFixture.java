package io.leadflow.runtime.testkit;

import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.config.Secrets;
import io.leadflow.runtime.exec.ProgramHolder;
import io.leadflow.runtime.http.EdgeMetrics;
import io.leadflow.runtime.http.EdgeServer;
import io.leadflow.runtime.http.EdgeVerticle;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.reload.ReloadReport;
import io.leadflow.runtime.security.SourceGuards;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The HTTP edge on a loopback port over a given journal, with a blocking client for tests. */
public final class EdgeFixture implements AutoCloseable {
    public final Vertx vertx = Vertx.vertx();
    public final ProgramHolder programs;
    public final SourceGuards guards;
    public final AtomicReference<ReloadReport> reload = new AtomicReference<>();
    public final AtomicReference<java.util.List<io.leadflow.runtime.account.AccountReport>> accountChecks =
            new AtomicReference<>(java.util.List.of());
    public final EdgeServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    public EdgeFixture(Journal journal, Map<String, String> secretProps, Limits limits, Clock clock, String... flows) throws Exception {
        this(journal, secretProps, limits, clock, StubProgram.of("hash1", flows));
    }

    /** The same over a given (compiled) program. */
    public EdgeFixture(Journal journal, Map<String, String> secretProps, Limits limits, Clock clock, io.leadflow.dsl.Program program)
            throws Exception {
        this(journal, secretProps, limits, clock, program, h -> h);
    }

    /** The same with the handlers changed before the server starts (a schedule runner, say). */
    public EdgeFixture(Journal journal, Map<String, String> secretProps, Limits limits, Clock clock, io.leadflow.dsl.Program program,
                       java.util.function.UnaryOperator<EdgeVerticle.EdgeHandlers> customize) throws Exception {
        Path f = Files.createTempFile("secrets", ".properties");
        StringBuilder b = new StringBuilder();
        secretProps.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        Files.writeString(f, b);
        Secrets secrets = Secrets.load(f, Map.of());
        Files.delete(f);
        programs = new ProgramHolder(program);
        guards = new SourceGuards(secrets, limits, clock);
        EdgeMetrics metrics = new EdgeMetrics(() -> 0);
        var handlers = EdgeVerticle.EdgeHandlers.of(journal, programs, guards, limits, metrics, reload::get,
                () -> Map.of("baselinker/main", true), accountChecks::get, clock);
        server = EdgeServer.start(vertx, customize.apply(handlers), "127.0.0.1", 0, 2, limits).await();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpResponse<String> send(HttpRequest.Builder req) throws Exception {
        return client.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b);
    }

    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b);
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
