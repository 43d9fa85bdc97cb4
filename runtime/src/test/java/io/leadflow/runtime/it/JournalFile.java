package io.leadflow.runtime.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** Reads a stopped (or killed) server's journal file directly: what is really on disk. */
final class JournalFile {
    private JournalFile() { }

    /** Stored lead id by idempotency key; fails on a duplicate key (which the oracle counts). */
    static Map<String, String> leadsByKey(Path dataDir) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = open(dataDir); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT idem_key, id FROM lead WHERE idem_key IS NOT NULL")) {
            while (r.next()) {
                String prev = out.put(r.getString(1), r.getString(2));
                if (prev != null) throw new AssertionError("duplicate lead for key " + r.getString(1) + ": " + prev + " and " + r.getString(2));
            }
        }
        return out;
    }

    static long count(Path dataDir) throws Exception {
        return scalar(dataDir, "SELECT count(*) FROM lead");
    }

    /**
     * The stored leads of a journal a server may be writing now, read-only; 0 while the file or its
     * table does not exist yet, -1 when it cannot be read at this moment (locked, mid-creation).
     */
    static long countWhileRunning(Path dataDir) {
        if (!java.nio.file.Files.exists(dataDir.resolve("leadflow.db"))) return 0;
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("leadflow.db"), readOnly.toProperties());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM lead")) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            return e.getMessage() != null && e.getMessage().contains("no such table") ? 0 : -1;
        }
    }

    static long countWithStatus(Path dataDir, String status) throws Exception {
        return scalar(dataDir, "SELECT count(*) FROM lead WHERE status = '" + status + "'");
    }

    /** Every stored lead's source event id, with how many rows carry it. */
    static Map<String, Integer> eventIds(Path dataDir) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = open(dataDir); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT event_id FROM lead")) {
            while (r.next()) out.merge(String.valueOf(r.getString(1)), 1, Integer::sum);
        }
        return out;
    }

    static String integrity(Path dataDir) throws Exception {
        try (Connection c = open(dataDir); Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            r.next();
            return r.getString(1);
        }
    }

    private static long scalar(Path dataDir, String sql) throws Exception {
        try (Connection c = open(dataDir); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Connection open(Path dataDir) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("leadflow.db"));
    }
}
