package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.ClusterView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The delivery lease of nodes sharing one PostgreSQL journal: at most one node at a time runs the
 * executor, the scheduler and every CRM call; the others take leads (durable before the 2xx) and
 * stand by. Times come from the database's clock.
 * <ul>
 *   <li>Every {@code ttl / 4} a node writes its heartbeat and tries
 *       {@code UPDATE cluster_lease ... WHERE owner = me OR until < now()}: the holder renews,
 *       anyone takes an expired lease, bumping {@code epoch}. A node killed with -9 stops
 *       renewing; another takes over within {@code ttl} plus one tick.</li>
 *   <li>Fencing: each group commit holding executor writes first runs
 *       {@code SELECT ... WHERE owner = me AND epoch = mine FOR SHARE} ({@link #fence}); a node
 *       that lost the lease (paused, cut off) gets every executor write refused, and a takeover's
 *       UPDATE waits for the commit that holds the share lock, so writes of two holders never
 *       interleave.</li>
 *   <li>A node that cannot reach the database for {@code ttl} gives the lease up locally
 *       (listeners hear {@link Listener#lost}) even before anyone takes it.</li>
 * </ul>
 * Not done: per-contact lanes claimed by several nodes at once (both nodes delivering); today the
 * holder delivers for the cluster, which keeps rotation, schedules and each account's rate limit
 * single by construction.
 */
public final class DeliveryLease implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DeliveryLease.class.getName());
    static final String NAME = "delivery";
    private static final String NOW = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT";

    /** Told when this node gains or loses the lease (on the lease's own thread; may block). */
    public interface Listener {
        void acquired(long epoch);

        void lost(long epoch);
    }

    /** The database connection the lease uses (its own, autocommit). */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final String nodeId;
    private final Duration ttl;
    private final long startedAt = System.currentTimeMillis();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private Connection connection;
    private volatile long epoch = -1;
    private volatile long lastRenewNanos;
    private volatile ClusterView view;

    DeliveryLease(Connector connector, String nodeId, Duration ttl) {
        this.connector = connector;
        this.nodeId = nodeId;
        this.ttl = ttl;
        this.view = new ClusterView(nodeId, new ClusterView.Lease(null, 0, Instant.EPOCH, false), List.of());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leadflow-delivery-lease");
            t.setDaemon(true);
            return t;
        });
    }

    public String nodeId() {
        return nodeId;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Whether this node holds the lease now (as of its last renewal). */
    public boolean held() {
        return epoch >= 0;
    }

    public ClusterView view() {
        return view;
    }

    public void onChange(Listener l) {
        listeners.add(l);
    }

    /** Starts the heartbeat; the first attempt runs at once. */
    public void start() {
        long every = Math.max(50, ttl.toMillis() / 4);
        timer.scheduleWithFixedDelay(this::tickQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivery lease tick failed", e);
        }
    }

    /** One heartbeat: renew or take the lease, read the cluster's view. Blocking; tests call it directly. */
    public synchronized boolean tick() {
        try {
            if (connection == null || connection.isClosed()) connection = connector.open();
            heartbeat(connection);
            long got = acquireOrRenew(connection);
            view = read(connection, got);
            long before = epoch;
            if (got >= 0) lastRenewNanos = System.nanoTime();
            if (got != before) {
                epoch = got;
                if (before >= 0) {
                    LOG.warning("node " + nodeId + " lost the delivery lease (epoch " + before + ")");
                    for (Listener l : listeners) l.lost(before);
                }
                if (got >= 0) {
                    LOG.info("node " + nodeId + " holds the delivery lease (epoch " + got + ")");
                    for (Listener l : listeners) l.acquired(got);
                }
            }
        } catch (SQLException e) {
            closeConnection();
            long held = epoch;
            if (held >= 0 && System.nanoTime() - lastRenewNanos > ttl.toNanos()) {
                epoch = -1;
                LOG.warning("node " + nodeId + " cannot renew the delivery lease for " + ttl.toSeconds() + " s (" + e.getMessage()
                        + "): giving it up");
                for (Listener l : listeners) l.lost(held);
            } else {
                LOG.log(Level.WARNING, "delivery lease: the database did not answer: " + e.getMessage());
            }
        }
        return epoch >= 0;
    }

    private void heartbeat(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_node (node_id, started_at, seen_at) VALUES (?, ?, " + NOW
                + ") ON CONFLICT (node_id) DO UPDATE SET started_at = excluded.started_at, seen_at = excluded.seen_at")) {
            ps.setString(1, nodeId);
            ps.setLong(2, startedAt);
            ps.executeUpdate();
        }
    }

    /** The epoch held after this attempt, or -1. */
    private long acquireOrRenew(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_lease SET "
                + "epoch = CASE WHEN owner = ? THEN epoch ELSE epoch + 1 END, owner = ?, until = " + NOW + " + ? "
                + "WHERE name = ? AND (owner = ? OR until < " + NOW + ") RETURNING epoch")) {
            ps.setString(1, nodeId);
            ps.setString(2, nodeId);
            ps.setLong(3, ttl.toMillis());
            ps.setString(4, NAME);
            ps.setString(5, nodeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private ClusterView read(Connection c, long mine) throws SQLException {
        ClusterView.Lease lease;
        try (PreparedStatement ps = c.prepareStatement("SELECT owner, epoch, until FROM cluster_lease WHERE name = ?")) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                lease = rs.next()
                        ? new ClusterView.Lease(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), mine >= 0 && rs.getLong(2) == mine)
                        : new ClusterView.Lease(null, 0, Instant.EPOCH, false);
            }
        }
        List<ClusterView.Node> nodes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT node_id, started_at, seen_at, seen_at > " + NOW
                + " - ? FROM cluster_node ORDER BY node_id")) {
            ps.setLong(1, ttl.toMillis());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nodes.add(new ClusterView.Node(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getBoolean(4)));
                }
            }
        }
        return new ClusterView(nodeId, lease, nodes);
    }

    /** Runs inside the writer's batch transaction, before its executor writes: refuses them unless this node holds the lease. */
    void fence(Connection c) throws SQLException {
        long mine = epoch;
        if (mine < 0) throw new NotLeaseHolderException(nodeId, "it does not hold the delivery lease");
        try (PreparedStatement ps = Sql.prepare(c, "SELECT 1 FROM cluster_lease WHERE name = ? AND owner = ? AND epoch = ? FOR SHARE")) {
            ps.setString(1, NAME);
            ps.setString(2, nodeId);
            ps.setLong(3, mine);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new NotLeaseHolderException(nodeId, "another node took the delivery lease (our epoch " + mine + ")");
            }
        }
    }

    /** Stops renewing and hands the lease back at once (a graceful stop), so another node need not wait for it to expire. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        long held = epoch;
        epoch = -1;
        if (held >= 0 && connection != null) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE cluster_lease SET until = 0 WHERE name = ? AND owner = ? AND epoch = ?")) {
                ps.setString(1, NAME);
                ps.setString(2, nodeId);
                ps.setLong(3, held);
                ps.executeUpdate();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "could not hand the delivery lease back; it expires by itself", e);
            }
        }
        closeConnection();
    }

    private void closeConnection() {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // broken already; a new one is opened at the next tick
        }
        connection = null;
    }

    /** An executor write refused because this node is not (or no longer) the delivery lease holder. */
    public static final class NotLeaseHolderException extends SQLException {
        public NotLeaseHolderException(String nodeId, String why) {
            super("node " + nodeId + " may not record delivery: " + why);
        }
    }
}
