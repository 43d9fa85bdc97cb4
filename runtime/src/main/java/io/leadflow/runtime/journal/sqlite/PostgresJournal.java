package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.ClusterView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/**
 * The journal on a PostgreSQL database several Leadflow nodes share ({@code serve --journal
 * postgresql://…}). The same statements as {@link SqliteJournal} (this package's SQL, the
 * {@link Dialect#POSTGRESQL} claim adds {@code FOR UPDATE SKIP LOCKED}), over PostgreSQL's JDBC
 * driver: one writer connection doing group commit (the 2xx waits for the commit), read
 * connections on worker threads. Tables by Flyway ({@link V1__JournalTables}, {@code V2__cluster.sql}).
 * <p>Any node takes leads; dedupe is global (the unique keys are the database's). Delivery is
 * shared ({@link ClusterLeases}): the coordinator routes each new lead to the partition of its
 * contact lane ({@link #ledger()}), and every node delivers the partitions it holds
 * ({@link #deliveryLedger}); executor writes are fenced by the leases.
 * <p>Why JDBC and not Vert.x's reactive client: {@code io.vertx:vertx-pg-client} 5.1.x (the
 * project's Vert.x) is not served by the registry, and 5.0.x does not run on Vert.x 5.1; JDBC
 * runs on this journal's own threads, never on an event loop, as the SQLite journal does.
 */
public final class PostgresJournal extends SqlJournal {
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");
    private final ClusterLeases lease;
    private final PgRotationLock rotation;
    private final SqliteLedger coordinator;

    private PostgresJournal(Writer writer, ReadPool reads, JournalOptions options, ClusterLeases lease, PgRotationLock rotation) {
        super(writer, reads, options, Dialect.POSTGRESQL);
        this.lease = lease;
        this.rotation = rotation;
        SqliteLedger base = (SqliteLedger) super.ledger();
        this.coordinator = base.scoped(PartitionClaims.unrouted(), (leadId, laneKey) -> base.submit(
                PartitionClaims.route(leadId, ClusterLeases.partitionOf(laneKey, lease.partitions()), System.currentTimeMillis()),
                Writer.Kind.ROUTE), true, null);
    }

    /** Whether {@code --journal} names a PostgreSQL database rather than the embedded file. */
    public static boolean isUrl(String journal) {
        return journal != null && (journal.startsWith("postgresql://") || journal.startsWith("postgres://")
                || journal.startsWith("jdbc:postgresql://"));
    }

    /**
     * Connects, migrates the schema (Flyway; a database already migrated by a newer Leadflow, one holding a migration this build does not know, is refused before anything is written),
     * and opens the writer and readers. The leases are not started: register their listeners
     * ({@link #leases()}) and call {@link ClusterLeases#start()}.
     *
     * @param url      {@code postgresql://user:password@host:port/db?params} (password also from {@code PGPASSWORD})
     * @param nodeId   this node's id, unique in the cluster
     * @param leaseTtl how long a silent holder keeps its leases
     */
    public static Future<PostgresJournal> open(Vertx vertx, String url, String nodeId, JournalOptions options, Duration leaseTtl) {
        return open(vertx, url, nodeId, options, leaseTtl, true);
    }

    /** The same; {@code delivers} false for a node that takes leads only ({@code --pause-delivery}): it claims no partition. */
    public static Future<PostgresJournal> open(Vertx vertx, String url, String nodeId, JournalOptions options, Duration leaseTtl,
                                               boolean delivers) {
        return vertx.executeBlocking(() -> openBlocking(vertx, Target.parse(url, System.getenv("PGPASSWORD")), nodeId, options, leaseTtl,
                delivers), false);
    }

    private static PostgresJournal openBlocking(Vertx vertx, Target t, String nodeId, JournalOptions options, Duration ttl,
                                                boolean delivers) throws SQLException {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);   // its INFO lines say nothing a user needs
        try {
            Flyway flyway = Flyway.configure(PostgresJournal.class.getClassLoader())
                    .dataSource(t.jdbcUrl(), t.user(), t.password())
                    .table("leadflow_schema_history")
                    .locations("classpath:db/leadflow/postgresql")
                    .javaMigrations(new V1__JournalTables())
                    .ignoreMigrationPatterns(new String[0])   // a migration this build does not know fails validation
                    .load();
            refuseNewer(flyway, t);
            flyway.migrate();
        } catch (NewerSchemaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SQLException("cannot prepare the journal in " + t.safe() + ": " + rootMessage(e), e);
        }
        List<Connection> opened = new ArrayList<>();
        try {
            for (int i = 0; i <= options.readers(); i++) opened.add(t.connect());
        } catch (SQLException e) {
            for (Connection c : opened) c.close();
            throw new SQLException("cannot open the journal in " + t.safe() + ": " + e.getMessage(), e);
        }
        ClusterLeases lease = new ClusterLeases(t::connect, nodeId, ttl, delivers);
        Writer writer = new Writer(opened.get(0), options, Dialect.POSTGRESQL, lease::fence);
        writer.reconnectWith(t::connect);
        ReadPool reads = new ReadPool(vertx, opened.subList(1, opened.size()));
        reads.reconnectWith(t::connect);
        PostgresJournal journal = new PostgresJournal(writer, reads, options, lease, new PgRotationLock(t::connect));
        writer.start();
        return journal;
    }

    /** A database migrated by a newer Leadflow: refused before anything is written, as the SQLite journal refuses a newer file. */
    static final class NewerSchemaException extends SQLException {
        NewerSchemaException(String message) {
            super(message);
        }
    }

    private static void refuseNewer(Flyway flyway, Target t) throws NewerSchemaException {
        org.flywaydb.core.api.MigrationInfoService info = flyway.info();
        for (org.flywaydb.core.api.MigrationInfo m : info.applied()) {
            if (m.getState().isApplied() && !m.getState().isResolved()) {
                String known = java.util.Arrays.stream(info.all()).filter(x -> x.getState().isResolved() && x.getVersion() != null)
                        .map(x -> x.getVersion().getVersion()).reduce((a, b) -> b).orElse("none");
                throw new NewerSchemaException("journal schema version " + m.getVersion() + " in " + t.safe()
                        + " is newer than this Leadflow understands (" + known + "); use a newer Leadflow or another database");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c == e ? e.getMessage() : e.getMessage() + " (" + c.getMessage() + ")";
    }

    /** This node's leases: the coordinator's and its partitions. */
    public ClusterLeases leases() {
        return lease;
    }

    /**
     * The coordinator's ledger: claims the leads not routed yet and routes each prepared one to its
     * lane's partition; an executor over it also runs the schedules. Its writes are fenced.
     */
    @Override
    public io.leadflow.runtime.journal.Ledger ledger() {
        return coordinator;
    }

    /**
     * A delivery executor's ledger for the partitions this node holds now ({@code parts}, fixed for
     * the executor's life: start a new one when they change): claims their leads in acceptance order,
     * recovers what was left unfinished in them, takes rotation turns under the cluster-wide lock.
     */
    public io.leadflow.runtime.journal.Ledger deliveryLedger(java.util.Set<Integer> parts) {
        return coordinator.scoped(PartitionClaims.of(java.util.Set.copyOf(parts), lease.nodeId()), null, false, rotation);
    }

    @Override
    public Optional<ClusterView> cluster() {
        return Optional.of(lease.view());
    }

    /** Commits what is queued (still fenced by the leases), then hands the leases back and closes. */
    @Override
    public Future<Void> close() {
        return super.close().andThen(ar -> {
            lease.close();
            rotation.close();
        });
    }

    /** Where the database is: the JDBC URL without credentials, and the credentials. */
    record Target(String jdbcUrl, String user, String password) {
        static Target parse(String url, String envPassword) {
            String rest;
            if (url.startsWith("jdbc:postgresql://")) rest = url.substring("jdbc:postgresql://".length());
            else if (url.startsWith("postgresql://")) rest = url.substring("postgresql://".length());
            else if (url.startsWith("postgres://")) rest = url.substring("postgres://".length());
            else throw new IllegalArgumentException("not a PostgreSQL URL (postgresql://user@host:port/database): " + url);
            URI u = URI.create("postgresql://" + rest);
            if (u.getHost() == null) throw new IllegalArgumentException("a PostgreSQL URL needs a host: postgresql://user@host:port/database");
            String db = u.getPath() == null || u.getPath().length() <= 1 ? null : u.getPath().substring(1);
            if (db == null) throw new IllegalArgumentException("a PostgreSQL URL needs a database name: postgresql://user@" + u.getHost() + "/leadflow");
            String user = null;
            String password = envPassword;
            if (u.getRawUserInfo() != null) {
                String[] parts = u.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                if (parts.length > 1) password = decode(parts[1]);
            }
            String jdbc = "jdbc:postgresql://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/" + db
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
            return new Target(jdbc, user, password);
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }

        Connection connect() throws SQLException {
            Properties p = new Properties();
            if (user != null) p.setProperty("user", user);
            if (password != null) p.setProperty("password", password);
            p.setProperty("ApplicationName", "leadflow");
            return DriverManager.getConnection(jdbcUrl, p);
        }

        /** For messages: never the password. */
        String safe() {
            return jdbcUrl + (user == null ? "" : " as " + user);
        }
    }
}
