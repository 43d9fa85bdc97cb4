package io.leadflow.runtime.journal.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The journal's tables (RELIABILITY.md §4.2), kept to SQL both SQLite and PostgreSQL accept so
 * a PostgreSQL journal can reuse them (times are epoch milliseconds, JSON is text).
 */
final class Schema {
    /** Bumped when the tables change; a newer file is refused rather than misread. */
    static final int VERSION = 3;

    private static final List<String> DDL = List.of("""
            CREATE TABLE IF NOT EXISTS lead (
              seq INTEGER PRIMARY KEY,
              id TEXT NOT NULL UNIQUE,
              flow TEXT NOT NULL,
              source TEXT NOT NULL,
              source_event_id TEXT,
              idem_key TEXT,
              content_type TEXT NOT NULL,
              headers TEXT NOT NULL,
              body BLOB NOT NULL,
              received_at INTEGER NOT NULL,
              status TEXT NOT NULL,
              updated_at INTEGER NOT NULL,
              next_at INTEGER NOT NULL,
              run INTEGER NOT NULL DEFAULT 1,
              attempts INTEGER NOT NULL DEFAULT 0,
              first_failure_at INTEGER,
              rule_version TEXT,
              first_rule_version TEXT,
              pinned_rule TEXT,
              lane_key TEXT,
              connector TEXT,
              account TEXT,
              marker TEXT,
              trace TEXT,
              reason TEXT,
              event_id TEXT,
              duplicate_of TEXT,
              UNIQUE (source, source_event_id),
              UNIQUE (source, idem_key))""",
            "CREATE INDEX IF NOT EXISTS lead_due ON lead (status, next_at, seq)",
            "CREATE INDEX IF NOT EXISTS lead_flow ON lead (flow, seq)",
            "CREATE INDEX IF NOT EXISTS lead_received ON lead (received_at)",
            """
            CREATE TABLE IF NOT EXISTS effect (
              id INTEGER PRIMARY KEY,
              lead_id TEXT NOT NULL,
              run INTEGER NOT NULL,
              idx INTEGER NOT NULL,
              lane_key TEXT,
              seq INTEGER NOT NULL,
              idem_key TEXT NOT NULL UNIQUE,
              kind TEXT NOT NULL,
              body TEXT NOT NULL,
              state TEXT NOT NULL,
              attempts INTEGER NOT NULL DEFAULT 0,
              next_at INTEGER,
              lease_owner TEXT,
              lease_until INTEGER,
              last_error TEXT,
              crm_ref TEXT,
              updated_at INTEGER NOT NULL,
              UNIQUE (lead_id, run, idx))""",
            "CREATE INDEX IF NOT EXISTS effect_state ON effect (state)",
            """
            CREATE TABLE IF NOT EXISTS lane (
              lane_key TEXT PRIMARY KEY,
              head_seq INTEGER NOT NULL,
              lease_owner TEXT,
              lease_until INTEGER)""",
            """
            CREATE TABLE IF NOT EXISTS manager_state (
              collection TEXT NOT NULL,
              manager TEXT NOT NULL,
              assigned INTEGER NOT NULL,
              PRIMARY KEY (collection, manager))""",
            """
            CREATE TABLE IF NOT EXISTS schedule_run (
              name TEXT PRIMARY KEY,
              period_start INTEGER NOT NULL,
              ran_at INTEGER NOT NULL,
              error TEXT)""",
            """
            CREATE TABLE IF NOT EXISTS rule_text (
              hash TEXT NOT NULL,
              path TEXT NOT NULL,
              text TEXT NOT NULL,
              PRIMARY KEY (hash, path))""",
            // v3: pull-source cursors (a v2 file gains the table; nothing else changes)
            CursorWrites.DDL);

    private Schema() { }

    /** Creates the tables on a new file; refuses a file written by a newer Leadflow. */
    static void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > VERSION) {
                throw new SQLException("journal schema version " + version + " is newer than this Leadflow understands ("
                        + VERSION + "); use a newer Leadflow or another data folder");
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            if (version == 1) {
                // v2: the lead's event id as shown (source_event_id is the live dedupe key), and the duplicate's first lead
                s.executeUpdate("ALTER TABLE lead ADD COLUMN event_id TEXT");
                s.executeUpdate("ALTER TABLE lead ADD COLUMN duplicate_of TEXT");
                s.executeUpdate("UPDATE lead SET event_id = source_event_id");
            }
            for (String ddl : DDL) s.executeUpdate(ddl);
            s.executeUpdate("PRAGMA user_version = " + VERSION);
            c.commit();
            c.setAutoCommit(auto);
        }
    }
}
