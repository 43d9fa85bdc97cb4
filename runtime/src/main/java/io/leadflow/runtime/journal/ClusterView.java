package io.leadflow.runtime.journal;

import java.time.Instant;
import java.util.List;

/**
 * What {@code /health} shows of a shared journal: this node, the lease it may hold, and every node
 * the database has heard from.
 *
 * @param nodeId    this node's id ({@code LEADFLOW_NODE_ID}, else host and process id)
 * @param delivery  the delivery lease as this node last saw it
 * @param nodes     every node that ever joined, by id, with when it was last seen (database clock)
 */
public record ClusterView(String nodeId, Lease delivery, List<Node> nodes) {
    public ClusterView {
        nodes = List.copyOf(nodes);
    }

    /**
     * A lease: one node runs the executor, the scheduler and every CRM call while it holds it.
     *
     * @param owner  the holder's node id, or null when nobody ever held it
     * @param epoch  bumped at every change of holder (the fencing token checked by each executor write)
     * @param until  when it expires unless renewed (database clock)
     * @param mine   whether this node holds it now
     */
    public record Lease(String owner, long epoch, Instant until, boolean mine) { }

    /** A node of the cluster: {@code alive} when seen within the lease's time to live. */
    public record Node(String id, Instant startedAt, Instant seenAt, boolean alive) { }
}
