package io.leadflow.runtime.journal;

import java.time.Instant;
import java.util.List;

/**
 * What {@code /health} shows of a shared journal: this node, the leases it holds, and every node
 * the database has heard from.
 *
 * @param nodeId      this node's id ({@code LEADFLOW_NODE_ID}, else host and process id)
 * @param coordinator the coordinator lease as this node last saw it
 * @param partitions  the partitions this node holds (it delivers the contact lanes hashed into them)
 * @param nodes       every node that ever joined, by id, with when it was last seen (database clock)
 * @param total       how many partitions the cluster has
 */
public record ClusterView(String nodeId, Lease coordinator, List<Integer> partitions, List<Node> nodes, int total) {
    public ClusterView {
        partitions = List.copyOf(partitions);
        nodes = List.copyOf(nodes);
    }

    /**
     * A lease: the coordinator routes new leads into partitions, runs the schedules and reads the pull sources.
     *
     * @param owner  the holder's node id, or null when nobody ever held it
     * @param epoch  bumped at every change of holder (the fencing token checked by each executor write)
     * @param until  when it expires unless renewed (database clock)
     * @param mine   whether this node holds it now
     */
    public record Lease(String owner, long epoch, Instant until, boolean mine) { }

    /**
     * A node of the cluster: {@code alive} when seen within the lease's time to live; {@code delivers}
     * false for a node started with {@code --pause-delivery}; {@code partitions} it holds unexpired.
     */
    public record Node(String id, Instant startedAt, Instant seenAt, boolean alive, boolean delivers, int partitions) { }
}
