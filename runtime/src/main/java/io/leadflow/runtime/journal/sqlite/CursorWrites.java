package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.Accepted;
import io.leadflow.runtime.journal.CursorMovedException;
import io.leadflow.runtime.journal.IncomingLead;
import io.leadflow.runtime.journal.PulledBatch;
import io.leadflow.runtime.journal.SourceCursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The pull-source cursor, in one place: the table, the compare-and-set commit that records a
 * poll's leads and moves the cursor in the same transaction, and the reads. Plain SQL that
 * SQLite and PostgreSQL both accept (times are epoch milliseconds), so a PostgreSQL journal runs
 * the same statements on its own connection inside its own transaction:
 * <pre>
 *   CREATE TABLE source_cursor (cursor_key TEXT PRIMARY KEY, position TEXT NOT NULL,
 *                               updated_at BIGINT NOT NULL, leads BIGINT NOT NULL DEFAULT 0)
 *   SELECT position FROM source_cursor WHERE cursor_key = ?          -- (PostgreSQL: ... FOR UPDATE)
 *   -- position must equal the batch's expected one (no row: expected null), else CursorMovedException
 *   -- each lead: the same append as Journal.append (LeadWrites.append)
 *   UPDATE source_cursor SET position = ?, updated_at = ?, leads = leads + ? WHERE cursor_key = ?
 *   -- or, when there was no row: INSERT INTO source_cursor (cursor_key, position, updated_at, leads) VALUES (?, ?, ?, ?)
 * </pre>
 * A concurrent first commit of the same key loses on the primary key and fails as a whole.
 */
public final class CursorWrites {
    /** The table; {@code INTEGER} is SQLite's 64-bit integer (PostgreSQL: {@code BIGINT}). */
    public static final String DDL = """
            CREATE TABLE IF NOT EXISTS source_cursor (
              cursor_key TEXT PRIMARY KEY,
              position TEXT NOT NULL,
              updated_at INTEGER NOT NULL,
              leads INTEGER NOT NULL DEFAULT 0)""";
    public static final String SELECT_POSITION = "SELECT position FROM source_cursor WHERE cursor_key = ?";
    public static final String UPDATE = "UPDATE source_cursor SET position = ?, updated_at = ?, leads = leads + ? WHERE cursor_key = ?";
    public static final String INSERT = "INSERT INTO source_cursor (cursor_key, position, updated_at, leads) VALUES (?, ?, ?, ?)";
    public static final String SELECT_ONE = "SELECT cursor_key, position, updated_at, leads FROM source_cursor WHERE cursor_key = ?";
    public static final String SELECT_ALL = "SELECT cursor_key, position, updated_at, leads FROM source_cursor ORDER BY cursor_key";

    private CursorWrites() { }

    /** The commit of one poll: compare, append every lead, move. Runs inside the caller's transaction. */
    static Writer.Op<List<Accepted>> commit(PulledBatch batch, long now) {
        List<Writer.Op<Accepted>> appends = new ArrayList<>();
        for (IncomingLead lead : batch.leads()) appends.add(LeadWrites.append(lead));
        return c -> {
            String stored = position(c, batch.key(), SELECT_POSITION);
            if (!Objects.equals(stored, batch.expected())) throw new CursorMovedException(batch.key(), batch.expected(), stored);
            List<Accepted> out = new ArrayList<>(appends.size());
            for (Writer.Op<Accepted> append : appends) out.add(append.run(c));
            move(c, batch, stored != null, now);
            return out;
        };
    }

    private static String position(Connection c, String key, String sql) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void move(Connection c, PulledBatch batch, boolean exists, long now) throws SQLException {
        if (exists) {
            try (PreparedStatement ps = Sql.prepare(c, UPDATE)) {
                ps.setString(1, batch.next());
                ps.setLong(2, now);
                ps.setLong(3, batch.leads().size());
                ps.setString(4, batch.key());
                if (ps.executeUpdate() != 1) throw new SQLException("cursor '" + batch.key() + "' vanished during its commit");
            }
        } else {
            try (PreparedStatement ps = Sql.prepare(c, INSERT)) {
                ps.setString(1, batch.key());
                ps.setString(2, batch.next());
                ps.setLong(3, now);
                ps.setLong(4, batch.leads().size());
                ps.executeUpdate();
            }
        }
    }

    static List<SourceCursor> read(Connection c, String keyOrNull) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, keyOrNull == null ? SELECT_ALL : SELECT_ONE)) {
            if (keyOrNull != null) ps.setString(1, keyOrNull);
            List<SourceCursor> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SourceCursor(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getLong(4)));
                }
            }
            return out;
        }
    }
}
