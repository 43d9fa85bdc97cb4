package io.leadflow.connector.http;

import io.leadflow.connector.SendGate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP requests actually sent for one effect or lookup (reported as {@code EffectResult.httpCalls}),
 * and the effect's {@link SendGate}: {@link CrmHttp} opens it before each mutating request of
 * this count leaves, once the request holds its permit.
 */
public final class CallCount {
    private final AtomicInteger count = new AtomicInteger();
    private final SendGate gate;

    /** A count with no gate: lookups, reference data, background reads. */
    public CallCount() {
        this(SendGate.none());
    }

    /** The count of one effect's calls; {@code gate} as in {@link io.leadflow.connector.EffectContext#sendGate()}. */
    public CallCount(SendGate gate) {
        this.gate = gate == null ? SendGate.none() : gate;
    }

    public void increment() {
        count.incrementAndGet();
    }

    public int get() {
        return count.get();
    }

    SendGate gate() {
        return gate;
    }
}
