package io.leadflow.runtime.http;

import io.leadflow.runtime.exec.Engine;

/**
 * The executors this node runs now; they change while it runs, with its leases. {@code lanes}
 * delivers contact lanes (with the embedded journal, all of them; on a shared journal, those of the
 * partitions the node holds); {@code router} exists only while the node is a shared journal's
 * coordinator (it routes new leads to partitions and runs the schedules). Either may be absent.
 */
final class NodeEngines {
    private volatile Engine lanes;
    private volatile Engine router;

    Engine lanes() {
        return lanes;
    }

    Engine router() {
        return router;
    }

    /** Puts {@code next} (or none) in place of the lane executor and returns the one it replaced, for the caller to stop. */
    synchronized Engine replaceLanes(Engine next) {
        Engine old = lanes;
        lanes = next;
        return old;
    }

    synchronized Engine replaceRouter(Engine next) {
        Engine old = router;
        router = next;
        return old;
    }

    /** Leads being run now by this node's executors (the edge's load figure). */
    int inFlight() {
        Engine l = lanes;
        Engine r = router;
        return (l == null ? 0 : l.inFlight()) + (r == null ? 0 : r.inFlight());
    }
}
