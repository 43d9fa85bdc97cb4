package io.leadflow.runtime.journal.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** Opens connections with WAL and the configured synchronous level, and proves both took effect. */
final class SqliteConnections {
    private final String url;
    private final JournalOptions.Durability durability;

    private SqliteConnections(String url, JournalOptions.Durability durability) {
        this.url = url;
        this.durability = durability;
    }

    /**
     * Prepares the data folder: creates it, points {@code org.sqlite.tmpdir} at an emptied
     * {@code sqlite-tmp} inside it (kill -9 leaves the unpacked native library behind).
     */
    static SqliteConnections prepare(Path dataDir, JournalOptions options) throws IOException {
        Files.createDirectories(dataDir);
        if (!Files.isWritable(dataDir)) throw new IOException("data folder " + dataDir + " is not writable");
        Path tmp = dataDir.resolve("sqlite-tmp");
        if (Files.isDirectory(tmp)) {
            try (Stream<Path> old = Files.walk(tmp)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(tmp)) Files.deleteIfExists(p);
                }
            }
        }
        Files.createDirectories(tmp);
        if (System.getProperty("org.sqlite.tmpdir") == null) {
            System.setProperty("org.sqlite.tmpdir", tmp.toAbsolutePath().toString());
        }
        return new SqliteConnections("jdbc:sqlite:" + dataDir.resolve(options.fileName()).toAbsolutePath(), options.durability());
    }

    /** A new connection, with WAL and the synchronous level asserted by reading them back. */
    Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            String mode = single(s, "PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = " + durability.name());
            s.execute("PRAGMA foreign_keys = ON");
            assertDurable(mode, synchronousLevel(c));
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void assertDurable(String journalMode, int synchronous) throws SQLException {
        if (!"wal".equals(journalMode.toLowerCase(Locale.ROOT))) {
            throw new SQLException("journal_mode is " + journalMode + ", not WAL: refusing to run without a write-ahead log");
        }
        int wanted = durability == JournalOptions.Durability.FULL ? 2 : 1;
        if (synchronous != wanted) {
            throw new SQLException("synchronous is " + synchronous + ", expected " + wanted + " (" + durability + ")");
        }
    }

    /** {@code PRAGMA synchronous} as SQLite reports it on this connection: 2 = FULL, 1 = NORMAL. */
    static int synchronousLevel(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return Integer.parseInt(single(s, "PRAGMA synchronous"));
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) throw new SQLException(sql + " returned nothing");
            return rs.getString(1);
        }
    }
}
