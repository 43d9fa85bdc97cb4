package io.leadflow.connector.ratelimit;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * This process's share of every CRM account's documented limit when several Leadflow nodes deliver
 * for one cluster (a shared PostgreSQL journal): a node holding {@code k} of the cluster's {@code P}
 * partitions may use {@code floor(permits × k / P)} of each account's permits per period, so the
 * shares of all nodes add up to at most the limit. Off (the whole limit) until {@link #set} is first
 * called, as on one node with the embedded journal.
 * <ul>
 *   <li>Only calls made on a Vert.x context marked with {@link #KEY} (the delivery executor's) wait
 *       for the share; other calls (reference data at start and reload, the account check) use the
 *       account's whole bucket as before, and are counted in it.</li>
 *   <li>A smaller share applies at once; a larger one only after one whole period (of each bucket)
 *       has passed since it grew: the partitions it took were another node's until then, and that
 *       node's calls still count in the CRM's window. So in any window of one period the nodes'
 *       shares in force add up to at most the limit.</li>
 * </ul>
 */
public final class ClusterShare {
    /** The context-data key ({@code io.vertx.core.Context#put}) marking a context whose CRM calls take this node's share. */
    public static final String KEY = "leadflow.cluster-share";
    private static final long KEEP_NANOS = 3_600_000_000_000L;

    private record Change(long atNanos, double fraction) { }

    private static final ArrayDeque<Change> CHANGES = new ArrayDeque<>();
    private static volatile boolean on;

    private ClusterShare() { }

    /** From now on this node's share is {@code fraction} (0..1) of each account's permits. */
    public static void set(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        synchronized (CHANGES) {
            long now = System.nanoTime();
            CHANGES.addLast(new Change(now, f));
            // keep the newest change older than an hour (it was in force then) and everything newer
            while (CHANGES.size() > 1) {
                Iterator<Change> it = CHANGES.iterator();
                it.next();
                if (now - it.next().atNanos() > KEEP_NANOS) CHANGES.pollFirst();
                else break;
            }
            on = true;
        }
    }

    /** Back to one process with the whole limit (tests). */
    public static void off() {
        synchronized (CHANGES) {
            CHANGES.clear();
            on = false;
        }
    }

    /** Whether a share is in force (a shared journal's node). */
    public static boolean on() {
        return on;
    }

    /**
     * The permits of a bucket with {@code permits} per {@code windowNanos} this node may have in use
     * now: the smallest share in force at any moment of the last window.
     */
    static int permits(int permits, long windowNanos) {
        if (!on) return permits;
        long nowNanos = System.nanoTime();
        double min = 1;
        synchronized (CHANGES) {
            Change inForceAtStart = null;
            for (Change c : CHANGES) {
                if (c.atNanos() <= nowNanos - windowNanos) inForceAtStart = c;
                else min = Math.min(min, c.fraction());
            }
            if (inForceAtStart != null) min = Math.min(min, inForceAtStart.fraction());
        }
        return (int) Math.floor(permits * min + 1e-9);
    }
}
