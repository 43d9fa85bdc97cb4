package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.ClusterView;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The leases of nodes sharing one PostgreSQL journal, times from the database's clock:
 * <ul>
 *   <li><b>coordinator</b> (one row of {@code cluster_lease}): its holder routes new leads into
 *       partitions (it runs the rules' filters, which give the contact lane), runs the schedules and
 *       reads the pull sources, so those happen once in the cluster;</li>
 *   <li><b>partitions</b> ({@code cluster_partition}, {@link #partitions()} rows): a contact lane
 *       hashes into one; a node delivers only the leads of the partitions it holds, so two nodes
 *       never deliver for one contact at once and the lane's order holds.</li>
 * </ul>
 * Every {@code ttl / 4} a node writes its heartbeat, renews what it holds, takes an expired
 * coordinator lease, and moves towards its fair share of partitions ({@code ceil(partitions /
 * delivering nodes alive)}): it takes free or expired ones with {@code FOR UPDATE SKIP LOCKED}, and
 * gives back what it holds beyond its share (after its listener stopped delivering them). A node
 * killed with -9 stops renewing; the others take its leases after {@code ttl}.
 * <p>Fencing ({@link #fence}): each group commit holding executor writes first locks, {@code FOR
 * SHARE}, every lease this node believes it holds and checks owner and epoch; a node that lost one
 * (paused, cut off) gets its executor writes refused before it notices, and a takeover's UPDATE waits
 * for the commit holding the share lock, so two holders' writes never interleave.
 * <p>A node that cannot reach the database for {@code ttl} gives everything up locally.
 */
public final class ClusterLeases implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ClusterLeases.class.getName());
    static final String COORDINATOR = "coordinator";
    private static final String NOW = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT";

    /** Told when this node's leases change (on the leases' own thread; may block, and should: see each method). */
    public interface Listener {
        /** This node took the coordinator lease. */
        void coordinatorAcquired(long epoch);

        /** This node no longer holds the coordinator lease. */
        void coordinatorLost(long epoch);

        /**
         * The partitions this node delivers from now on (possibly none). Called before partitions
         * are given back (return once their deliveries have stopped) and after new ones are taken.
         */
        void partitions(Set<Integer> held);
    }

    /** The database connection the leases use (their own, autocommit). */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final String nodeId;
    private final Duration ttl;
    private final boolean delivers;
    private final long startedAt = System.currentTimeMillis();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private Connection connection;
    private volatile long epoch = -1;
    /** Partition to the epoch this node holds it at. Replaced, never changed in place. */
    private volatile Map<Integer, Long> held = Map.of();
    private int partitions = -1;
    private volatile long lastRenewNanos;
    private volatile ClusterView view;

    ClusterLeases(Connector connector, String nodeId, Duration ttl, boolean delivers) {
        this.connector = connector;
        this.nodeId = nodeId;
        this.ttl = ttl;
        this.delivers = delivers;
        this.view = new ClusterView(nodeId, new ClusterView.Lease(null, 0, Instant.EPOCH, false), List.of(), List.of(), 0);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leadflow-cluster-leases");
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

    /** Whether this node holds the coordinator lease now (as of its last renewal). */
    public boolean coordinator() {
        return epoch >= 0;
    }

    /** The partitions this node holds now (as of its last renewal). */
    public Set<Integer> held() {
        return Collections.unmodifiableSet(new java.util.TreeSet<>(held.keySet()));
    }

    /** How many partitions the cluster has (known after the first tick; -1 before). */
    public int partitions() {
        return partitions;
    }

    /**
     * The partition of a contact lane: stable across nodes and restarts ({@link String#hashCode} is
     * specified), mixed by MurmurHash3's 32-bit finalizer first. Plain {@code hashCode() mod 32} puts
     * keys that differ only in their last characters (phone numbers) into a few neighbouring
     * partitions: 200 numbers in a row fell 190 into one half of the partitions.
     */
    public static int partitionOf(String laneKey, int partitions) {
        if (partitions < 1) throw new IllegalStateException("the partitions are not known before the first lease tick");
        int h = laneKey.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, partitions);
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
            LOG.log(Level.WARNING, "cluster lease tick failed", e);
        }
    }

    /** One heartbeat: renew or take the leases, move towards the fair share, read the cluster's view. Blocking; tests call it directly. */
    public synchronized boolean tick() {
        try {
            if (connection == null || connection.isClosed()) connection = connector.open();
            if (partitions < 0) partitions = count(connection);
            heartbeat(connection);
            long got = acquireOrRenew(connection);
            if (got >= 0) lastRenewNanos = System.nanoTime();
            long before = epoch;
            if (got != before) {
                epoch = got;
                if (before >= 0) {
                    LOG.warning("node " + nodeId + " lost the coordinator lease (epoch " + before + ")");
                    for (Listener l : listeners) l.coordinatorLost(before);
                }
                if (got >= 0) {
                    LOG.info("node " + nodeId + " holds the coordinator lease (epoch " + got + ")");
                    for (Listener l : listeners) l.coordinatorAcquired(got);
                }
            }
            if (delivers) balance(connection);
            view = read(connection, got);
        } catch (SQLException e) {
            closeConnection();
            if (System.nanoTime() - lastRenewNanos > ttl.toNanos()) giveUpLocally(e);
            else LOG.log(Level.WARNING, "cluster leases: the database did not answer: " + e.getMessage());
        }
        return epoch >= 0;
    }

    private void giveUpLocally(SQLException e) {
        long had = epoch;
        boolean parts = !held.isEmpty();
        if (had < 0 && !parts) return;
        LOG.warning("node " + nodeId + " cannot renew its leases for " + ttl.toSeconds() + " s (" + e.getMessage() + "): giving them up");
        epoch = -1;
        if (had >= 0) for (Listener l : listeners) l.coordinatorLost(had);
        if (parts) {
            for (Listener l : listeners) l.partitions(Set.of());
            held = Map.of();
        }
    }

    private static int count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM cluster_partition"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void heartbeat(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_node (node_id, started_at, seen_at, delivers) VALUES (?, ?, "
                + NOW + ", ?) ON CONFLICT (node_id) DO UPDATE SET started_at = excluded.started_at, seen_at = excluded.seen_at, "
                + "delivers = excluded.delivers")) {
            ps.setString(1, nodeId);
            ps.setLong(2, startedAt);
            ps.setBoolean(3, delivers);
            ps.executeUpdate();
        }
    }

    /** The coordinator epoch held after this attempt, or -1. */
    private long acquireOrRenew(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_lease SET "
                + "epoch = CASE WHEN owner = ? THEN epoch ELSE epoch + 1 END, owner = ?, until = " + NOW + " + ? "
                + "WHERE name = ? AND (owner = ? OR until < " + NOW + ") RETURNING epoch")) {
            ps.setString(1, nodeId);
            ps.setString(2, nodeId);
            ps.setLong(3, ttl.toMillis());
            ps.setString(4, COORDINATOR);
            ps.setString(5, nodeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** Renews held partitions, notices lost ones, gives back the excess over the fair share, takes free ones up to it. */
    private void balance(Connection c) throws SQLException {
        Map<Integer, Long> renewed = new TreeMap<>();
        if (!held.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_partition SET until = " + NOW + " + ? "
                    + "WHERE owner = ? AND part = ANY(?) RETURNING part, epoch")) {
                ps.setLong(1, ttl.toMillis());
                ps.setString(2, nodeId);
                ps.setArray(3, ints(c, held.keySet()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int p = rs.getInt(1);
                        if (held.get(p) != null && held.get(p) == rs.getLong(2)) renewed.put(p, rs.getLong(2));
                    }
                }
            }
            lastRenewNanos = System.nanoTime();
            if (renewed.size() < held.size()) {
                LOG.warning("node " + nodeId + " lost partitions " + lostOf(renewed) + " (taken by another node)");
                for (Listener l : listeners) l.partitions(renewed.keySet());
                held = Map.copyOf(renewed);
            }
        }
        int fair = fairShare(c);
        if (held.size() > fair) {
            List<Integer> mine = new ArrayList<>(new java.util.TreeSet<>(held.keySet()));
            List<Integer> excess = mine.subList(fair, mine.size());
            Map<Integer, Long> keep = new TreeMap<>(held);
            excess.forEach(keep::remove);
            for (Listener l : listeners) l.partitions(keep.keySet());   // stops delivering them first
            Map<Integer, Long> before = held;
            held = Map.copyOf(keep);
            try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_partition SET owner = NULL, until = 0 "
                    + "WHERE owner = ? AND part = ANY(?)")) {
                ps.setString(1, nodeId);
                ps.setArray(2, ints(c, excess));
                ps.executeUpdate();
            }
            LOG.info("node " + nodeId + " gave back partitions " + excess + " (fair share " + fair + " of " + partitions + "; held "
                    + before.size() + ")");
        } else if (held.size() < fair) {
            Map<Integer, Long> taken = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_partition SET owner = ?, epoch = epoch + 1, until = " + NOW
                    + " + ? WHERE part IN (SELECT part FROM cluster_partition WHERE owner IS NULL OR until < " + NOW
                    + " OR (owner = ? AND NOT (part = ANY(?))) ORDER BY part LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING part, epoch")) {
                ps.setString(1, nodeId);
                ps.setLong(2, ttl.toMillis());
                ps.setString(3, nodeId);
                ps.setArray(4, ints(c, held.keySet()));
                ps.setInt(5, fair - held.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) taken.put(rs.getInt(1), rs.getLong(2));
                }
            }
            if (!taken.isEmpty()) {
                Map<Integer, Long> now = new TreeMap<>(held);
                now.putAll(taken);
                held = Map.copyOf(now);
                LOG.info("node " + nodeId + " took partitions " + taken.keySet() + " (now " + now.size() + " of " + partitions + ")");
                for (Listener l : listeners) l.partitions(now.keySet());
            }
        }
    }

    private String lostOf(Map<Integer, Long> renewed) {
        List<Integer> lost = new ArrayList<>(held.keySet());
        lost.removeAll(renewed.keySet());
        Collections.sort(lost);
        return lost.toString();
    }

    /** {@code ceil(partitions / delivering nodes seen within the ttl)}, this node counted. */
    private int fairShare(Connection c) throws SQLException {
        int alive;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM cluster_node WHERE delivers AND seen_at > " + NOW + " - ?")) {
            ps.setLong(1, ttl.toMillis());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                alive = Math.max(1, rs.getInt(1));
            }
        }
        return (partitions + alive - 1) / alive;
    }

    private static Array ints(Connection c, java.util.Collection<Integer> values) throws SQLException {
        return c.createArrayOf("integer", values.toArray());
    }

    private ClusterView read(Connection c, long mine) throws SQLException {
        ClusterView.Lease lease;
        try (PreparedStatement ps = c.prepareStatement("SELECT owner, epoch, until FROM cluster_lease WHERE name = ?")) {
            ps.setString(1, COORDINATOR);
            try (ResultSet rs = ps.executeQuery()) {
                lease = rs.next()
                        ? new ClusterView.Lease(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), mine >= 0 && rs.getLong(2) == mine)
                        : new ClusterView.Lease(null, 0, Instant.EPOCH, false);
            }
        }
        Map<String, Integer> byOwner = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT owner, count(*) FROM cluster_partition WHERE owner IS NOT NULL AND until >= "
                + NOW + " GROUP BY owner"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) byOwner.put(rs.getString(1), rs.getInt(2));
        }
        List<ClusterView.Node> nodes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT node_id, started_at, seen_at, seen_at > " + NOW
                + " - ?, delivers FROM cluster_node ORDER BY node_id")) {
            ps.setLong(1, ttl.toMillis());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nodes.add(new ClusterView.Node(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getBoolean(4), rs.getBoolean(5), byOwner.getOrDefault(rs.getString(1), 0)));
                }
            }
        }
        return new ClusterView(nodeId, lease, List.copyOf(new java.util.TreeSet<>(held.keySet())), nodes, partitions);
    }

    /** Runs inside the writer's batch transaction, before its executor writes: refuses them unless every lease this node believes it holds is still its own. */
    void fence(Connection c) throws SQLException {
        long mine = epoch;
        Map<Integer, Long> parts = held;
        if (mine < 0 && parts.isEmpty()) throw new NotLeaseHolderException(nodeId, "it holds neither the coordinator lease nor a partition");
        if (mine >= 0) {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT 1 FROM cluster_lease WHERE name = ? AND owner = ? AND epoch = ? FOR SHARE")) {
                ps.setString(1, COORDINATOR);
                ps.setString(2, nodeId);
                ps.setLong(3, mine);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new NotLeaseHolderException(nodeId, "another node took the coordinator lease (our epoch " + mine + ")");
                }
            }
        }
        if (parts.isEmpty()) return;
        int matching = 0;
        try (PreparedStatement ps = Sql.prepare(c, "SELECT part, epoch FROM cluster_partition WHERE owner = ? AND part = ANY(?) FOR SHARE")) {
            ps.setString(1, nodeId);
            ps.setArray(2, ints(c, parts.keySet()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) if (parts.get(rs.getInt(1)) != null && parts.get(rs.getInt(1)) == rs.getLong(2)) matching++;
            }
        }
        if (matching < parts.size()) throw new NotLeaseHolderException(nodeId, "another node took one of its partitions");
    }

    /** Stops the heartbeat and waits for a tick under way to end, so no listener is called after this returns; the leases stay held until {@link #close}. */
    public void stopTicking() {
        timer.shutdownNow();
        synchronized (this) {
            LOG.fine("cluster leases: heartbeat stopped");
        }
    }

    /** Stops renewing and hands every lease back at once (a graceful stop), so the others need not wait for them to expire. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        long had = epoch;
        Map<Integer, Long> parts = held;
        epoch = -1;
        held = Map.of();
        if (connection == null) return;
        try {
            if (had >= 0) {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE cluster_lease SET until = 0 WHERE name = ? AND owner = ? AND epoch = ?")) {
                    ps.setString(1, COORDINATOR);
                    ps.setString(2, nodeId);
                    ps.setLong(3, had);
                    ps.executeUpdate();
                }
            }
            if (!parts.isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE cluster_partition SET owner = NULL, until = 0 WHERE owner = ? AND part = ANY(?)")) {
                    ps.setString(1, nodeId);
                    ps.setArray(2, ints(connection, parts.keySet()));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("UPDATE cluster_node SET seen_at = 0 WHERE node_id = ?")) {
                ps.setString(1, nodeId);   // gone: not counted in the others' fair shares
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "could not hand the leases back; they expire by themselves", e);
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

    /** An executor write refused because this node no longer holds a lease it acted on. */
    public static final class NotLeaseHolderException extends SQLException {
        public NotLeaseHolderException(String nodeId, String why) {
            super("node " + nodeId + " may not record delivery: " + why);
        }
    }
}
