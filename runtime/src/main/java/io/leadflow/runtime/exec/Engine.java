package io.leadflow.runtime.exec;

import io.leadflow.runtime.journal.Journal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * The running executor and scheduler: what {@code leadflow serve} starts after opening the
 * journal and stops before closing it.
 * <pre>{@code
 * Journal journal = SqliteJournal.open(vertx, dataDir, JournalOptions.defaults()).await();
 * Engine engine = Engine.start(vertx, journal, programs, connectors, Clock.systemUTC(), EngineOptions.defaults()).await();
 * ... on shutdown: stop intake, then engine.stop(), then journal.close()
 * }</pre>
 */
public final class Engine {

    private Engine() { }

    /**
     * Recovers the leads a previous process left unfinished (effects left SENDING are reconciled
     * before any resend), then claims due leads continuously and runs the schedules.
     * Completes once recovery has been read and claiming has begun.
     */
    public static Future<Engine> start(Vertx vertx, Journal journal, ProgramSource programs,
                                       ConnectorRegistry connectors, Clock clock, EngineOptions options) {
        throw new UnsupportedOperationException("journal API: implementation follows");
    }

    /** {@link #start(Vertx, Journal, ProgramSource, ConnectorRegistry, Clock, EngineOptions)} with defaults. */
    public static Future<Engine> start(Vertx vertx, Journal journal, ProgramSource programs,
                                       ConnectorRegistry connectors, Clock clock) {
        return start(vertx, journal, programs, connectors, clock, EngineOptions.defaults());
    }

    /**
     * Graceful stop: claims nothing more, lets calls already sent finish (up to
     * {@code stopTimeout}), and leaves everything else recorded for the next start. Never
     * loses or duplicates: an effect whose call was cut off stays SENDING and is reconciled next time.
     */
    public Future<Void> stop() {
        throw new UnsupportedOperationException("journal API: implementation follows");
    }

    /** Leads held in memory now (running, waiting in a lane, or waiting to retry), for metrics. */
    public int inFlight() {
        return 0;
    }
}
