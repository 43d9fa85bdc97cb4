package io.leadflow.connector.contract;

import io.leadflow.connector.emulator.EmulatorServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * For a module's own emulator and encoding tests: one Vertx and one running emulator per test
 * class, reset before each test. Subclasses add their own {@code @BeforeEach} (run after this
 * one) to build a fresh connector when a test needs empty caches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EmulatorTestBase<E extends EmulatorServer> {
    protected Vertx vertx;
    protected E emulator;

    /** Starts the emulator under test (port 0). */
    protected abstract Future<E> startEmulator(Vertx vertx);

    @BeforeAll
    void startVertxAndEmulator() {
        vertx = Vertx.vertx();
        emulator = Await.result(startEmulator(vertx));
    }

    @AfterAll
    void closeVertx() {
        Await.result(vertx.close());
    }

    @BeforeEach
    void resetEmulator() {
        emulator.reset();
    }
}
