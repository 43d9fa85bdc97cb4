package io.leadflow.runtime.lifecycle;

import io.vertx.core.Vertx;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the process does with an error it cannot recover from (out of memory, stack overflow
 * outside a rule, a broken class path), wherever it surfaces: an event loop, the journal writer,
 * any thread; and with an event loop that has stopped while Vert.x is not closing (an exception
 * that escaped Netty's loop itself, e.g. from its timer queue, ends the thread without reaching
 * any handler: the process would stay up, silent, with every task of that loop never run). It is logged once, liveness turns false ({@code /health/live} answers 503) and the
 * process ends with status 70, so a supervisor restarts it instead of keeping a zombie that
 * answers every intake with 503 while reporting itself alive. Rule evaluation catches its own
 * errors first (a lead that exhausts memory becomes a dead letter), so this is for the rest.
 */
public final class FatalErrors {
    private static final Logger LOG = Logger.getLogger(FatalErrors.class.getName());
    /** The exit status: EX_SOFTWARE. */
    public static final int STATUS = 70;
    private static volatile String fatal;
    private static volatile IntConsumer exit = status -> Runtime.getRuntime().halt(status);

    private FatalErrors() { }

    /** Errors that leave the JVM in a state no request should be served from. */
    public static boolean isFatal(Throwable t) {
        return t instanceof VirtualMachineError || t instanceof LinkageError;
    }

    /** How often {@link #install} checks that every event loop still runs. */
    static final long WATCH_MILLIS = 1_000;

    /**
     * Routes every uncaught error of the event loops and of plain threads here, and watches the
     * event loops: one that has ended while Vert.x is not closing is fatal too.
     */
    public static void install(Vertx vertx) {
        watchEventLoops(vertx);
        vertx.exceptionHandler(t -> {
            if (isFatal(t)) report("an event loop", t);
            else LOG.log(Level.SEVERE, "uncaught on an event loop", t);
        });
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
            if (isFatal(t)) report("thread " + thread.getName(), t);
            else if (previous != null) previous.uncaughtException(thread, t);
            else LOG.log(Level.SEVERE, "uncaught in thread " + thread.getName(), t);
        });
    }

    /**
     * A daemon thread that checks every {@link #WATCH_MILLIS} that no event loop of {@code vertx}
     * has shut down; it stops when Vert.x begins closing (a close hook), so a normal stop is not fatal.
     */
    static void watchEventLoops(Vertx vertx) {
        io.vertx.core.internal.VertxInternal internal = (io.vertx.core.internal.VertxInternal) vertx;
        java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
        internal.addCloseHook(completion -> {
            closing.set(true);
            completion.succeed();
        });
        Thread watch = new Thread(() -> {
            while (!closing.get()) {
                for (io.netty.util.concurrent.EventExecutor loop : internal.nettyEventLoopGroup()) {
                    if (!closing.get() && !internal.nettyEventLoopGroup().isShuttingDown() && loop.isShuttingDown()) {
                        report("an event loop", new IllegalStateException("event loop " + loop
                                + " ended while the process was running (an exception escaped the loop itself; see the log above)"));
                        return;
                    }
                }
                try {
                    Thread.sleep(WATCH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "leadflow-event-loop-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Records the error, makes liveness false and ends the process. */
    public static void report(String where, Throwable t) {
        if (fatal == null) {
            fatal = where + ": " + t;
            try {
                LOG.log(Level.SEVERE, "fatal error in " + where + "; the process ends (status " + STATUS + ") so it can be restarted", t);
            } catch (Throwable ignored) {
                // logging may itself fail without memory; the status still tells the supervisor
            }
        }
        exit.accept(STATUS);
    }

    /** Why the process is ending, or null while it is healthy. */
    public static String fatal() {
        return fatal;
    }

    /** For tests: what ending the process does, and a fresh state. */
    public static void onExitForTests(IntConsumer instead) {
        exit = instead;
        fatal = null;
    }
}
