package io.leadflow.connector;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * What must happen once before an effect's first request that may change the CRM leaves, after
 * that request holds its rate-limit permit: the runtime records the effect as sent there (its
 * SENDING mark and attempt), so an effect still waiting for a permit is not counted as sent and
 * needs no reconcile after a crash. {@link io.leadflow.connector.http.CrmHttp} opens the gate of
 * the effect's {@link io.leadflow.connector.http.CallCount} for every mutating request; opening
 * it again returns the first opening's future. If it fails, the request is not sent.
 */
public final class SendGate {
    private static final SendGate NONE = new SendGate(Future::succeededFuture);
    private final Supplier<Future<Void>> action;
    private Future<Void> opened;

    private SendGate(Supplier<Future<Void>> action) {
        this.action = action;
    }

    /** A gate with nothing to do (lookups, background reads, callers that mark before the call). */
    public static SendGate none() {
        return NONE;
    }

    public static SendGate of(Supplier<Future<Void>> action) {
        return new SendGate(action);
    }

    /** Runs the action the first time; later calls get the same outcome. */
    public synchronized Future<Void> open() {
        if (this == NONE) return Future.succeededFuture();
        if (opened == null) {
            try {
                opened = action.get();
            } catch (RuntimeException e) {
                opened = Future.failedFuture(e);
            }
        }
        return opened;
    }

    /** Whether {@link #open()} has been called (a request that may change the CRM was about to leave). */
    public synchronized boolean isOpened() {
        return opened != null;
    }
}
