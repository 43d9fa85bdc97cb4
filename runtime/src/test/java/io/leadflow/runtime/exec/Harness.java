package io.leadflow.runtime.exec;

import io.leadflow.runtime.journal.Accepted;
import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.IncomingLead;
import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.sqlite.JournalOptions;
import io.leadflow.runtime.journal.sqlite.SqliteJournal;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real journal in a temp folder, a stub program, a fake CRM and a running engine; restartable. */
final class Harness implements AutoCloseable {
    static final RetryPolicy FAST = new RetryPolicy(List.of(Duration.ZERO, Duration.ofMillis(20), Duration.ofMillis(40)),
            Duration.ofMillis(50), 0.2, Duration.ofHours(1));

    final Vertx vertx = Vertx.vertx();
    /** What the event loops threw that no handler caught (a handler that threw leaves the executor's state half-updated). */
    final List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Path dir;
    final ProgramHolder programs;
    final FakeCrm crm = new FakeCrm();
    final java.time.Clock clock;
    EngineOptions options;
    /** Which CRM serves a flow; by default the fake one as {@code fake/main}. */
    ConnectorRegistry registry = (connector, account) ->
            connector.equals("fake") && account.equals("main") ? Optional.of(crm) : Optional.empty();
    /** Recompiles stored rule texts for ORIGINAL replays; null: only loaded versions replay. */
    RuleRecompiler recompiler;
    SqliteJournal journal;
    Engine engine;
    private int seq;

    Harness(Path dir, java.time.Clock clock, StubProgram program) {
        this(dir, clock, new ProgramHolder(program));
    }

    Harness(Path dir, java.time.Clock clock, ProgramHolder programs) {
        this.dir = dir;
        this.clock = clock;
        this.programs = programs;
        vertx.exceptionHandler(uncaught::add);
        this.options = EngineOptions.defaults().withRetry(FAST).withPollInterval(Duration.ofMillis(20))
                .withStopTimeout(Duration.ofMillis(300));
    }

    Harness start() {
        journal = Await.result(SqliteJournal.open(vertx, dir, JournalOptions.defaults()));
        engine = Await.result(Engine.start(vertx, journal, programs, registry, clock, options, recompiler));
        return this;
    }

    /** Stops the engine (parking whatever is in flight) and closes the journal, like a shutdown or crash. */
    void stop() {
        Await.result(engine.stop());
        Await.result(journal.close());
    }

    void restart() {
        stop();
        start();
    }

    String append(String phone) {
        return append("orders", "{\"phone\":\"" + phone + "\",\"seq\":" + (++seq) + "}");
    }

    String append(String flow, String json) {
        return append(flow, json, "application/json");
    }

    String append(String flow, String body, String contentType) {
        IncomingLead lead = new IncomingLead(flow, "shop", null, null, body.getBytes(StandardCharsets.UTF_8),
                contentType, Map.of(), clock.instant());
        Accepted a = Await.result(journal.append(lead));
        return a.leadId();
    }

    LeadDetail detail(String leadId) {
        return Await.result(journal.get(leadId)).orElseThrow();
    }

    /** Waits (up to 10 s) until the lead reaches {@code status}; fails with its detail otherwise. */
    LeadDetail await(String leadId, LeadStatus status) {
        return await(leadId, status, Duration.ofSeconds(10));
    }

    /** {@link #await(String, LeadStatus)} with a given patience. */
    LeadDetail await(String leadId, LeadStatus status, Duration patience) {
        long end = System.nanoTime() + patience.toNanos();
        LeadDetail d = detail(leadId);
        while (d.summary().status() != status && System.nanoTime() < end) {
            sleep(10);
            d = detail(leadId);
        }
        if (d.summary().status() != status) {
            throw new AssertionError("lead " + leadId + " is " + d.summary().status() + ", expected " + status
                    + "; reason=" + d.summary().reason() + " effects=" + d.effects());
        }
        return d;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Instant t0() {
        return Instant.parse("2026-03-01T10:00:00Z");
    }

    @Override
    public void close() {
        try {
            if (engine != null) Await.result(engine.stop());
        } catch (RuntimeException ignored) {
            // already stopped
        }
        try {
            if (journal != null) Await.result(journal.close());
        } catch (RuntimeException ignored) {
            // already closed
        }
        Await.result(vertx.close());
    }
}
