package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.Accepted;
import io.leadflow.runtime.journal.IncomingLead;
import io.leadflow.runtime.journal.LeadIds;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.ReplayNotAllowedException;
import io.leadflow.runtime.journal.ReplayVersion;
import io.leadflow.runtime.journal.UnknownLeadException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** The edge's writes: append with dedupe (Idempotency-Key, and the lead's event id within its window), and replay requests. */
final class LeadWrites {
    private static final String INSERT = """
            INSERT INTO lead (id, flow, source, source_event_id, idem_key, content_type, headers, body,
                              received_at, status, updated_at, next_at, event_id, duplicate_of, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String BY_IDEM = "SELECT id, duplicate_of FROM lead WHERE source = ? AND idem_key = ?";
    private static final String BY_EVENT = "SELECT id, received_at FROM lead WHERE source = ? AND source_event_id = ?";

    private LeadWrites() { }

    /**
     * Append with dedupe (one transaction): a repeated Idempotency-Key answers the lead it named; a
     * repeated event id within the lead's dedupe window is stored as a DUPLICATE row linked to the
     * first lead (which is answered); after the window the old lead gives up the id and a new lead takes it.
     */
    static Writer.Op<Accepted> append(IncomingLead lead) {
        String headers = Json.headers(lead.headers());
        String id = LeadIds.next();
        long received = lead.receivedAt().toEpochMilli();
        return c -> {
            Accepted a = appendOnce(c, lead, headers, id, received);
            // null: another node stored the same key or event id between our look-up and our insert (PostgreSQL,
            // READ COMMITTED: the insert waited for its commit); look again, now it is visible
            if (a == null) a = appendOnce(c, lead, headers, id, received);
            if (a == null) throw new SQLException("lead not stored: conflicting id " + id);
            return a;
        };
    }

    private static Accepted appendOnce(Connection c, IncomingLead lead, String headers, String id, long received) throws SQLException {
        if (lead.idempotencyKey() != null) {
            try (PreparedStatement ps = Sql.prepare(c, BY_IDEM)) {
                ps.setString(1, lead.source());
                ps.setString(2, lead.idempotencyKey());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return new Accepted(rs.getString(2) != null ? rs.getString(2) : rs.getString(1), true);
                }
            }
        }
        String eventId = lead.sourceEventId();
        if (eventId != null) {
            String first = null;
            long firstAt = 0;
            try (PreparedStatement ps = Sql.prepare(c, BY_EVENT)) {
                ps.setString(1, lead.source());
                ps.setString(2, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        first = rs.getString(1);
                        firstAt = rs.getLong(2);
                    }
                }
            }
            if (first != null) {
                Duration window = lead.dedupeWindow();
                if (window == null || received - firstAt <= window.toMillis()) {
                    insert(c, id, lead, null, null, headers, received, LeadStatus.DUPLICATE, first,
                            "duplicate of " + first + ": the sender repeated event id " + eventId);
                    return new Accepted(first, true);
                }
                try (PreparedStatement ps = Sql.prepare(c, "UPDATE lead SET source_event_id = NULL WHERE id = ?")) {
                    ps.setString(1, first);
                    ps.executeUpdate();
                }
            }
        }
        if (insert(c, id, lead, eventId, lead.idempotencyKey(), headers, received, LeadStatus.PENDING, null, null)) {
            return new Accepted(id, false);
        }
        return null;
    }

    private static boolean insert(Connection c, String id, IncomingLead lead, String eventKey, String idemKey, String headers,
                                  long received, LeadStatus status, String duplicateOf, String reason) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, INSERT)) {
            ps.setString(1, id);
            ps.setString(2, lead.flow());
            ps.setString(3, lead.source());
            ps.setString(4, eventKey);
            ps.setString(5, idemKey);
            ps.setString(6, lead.contentType());
            ps.setString(7, headers);
            ps.setBytes(8, lead.body());
            ps.setLong(9, received);
            ps.setString(10, status.name());
            ps.setLong(11, received);
            ps.setLong(12, received);
            ps.setString(13, lead.sourceEventId());
            ps.setString(14, duplicateOf);
            ps.setString(15, reason);
            return ps.executeUpdate() == 1;
        }
    }

    static Writer.Op<Void> replay(String leadId, ReplayVersion which, long now) {
        return c -> {
            LeadStatus status;
            try (PreparedStatement ps = Sql.prepare(c, "SELECT status FROM lead WHERE id = ?")) {
                ps.setString(1, leadId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new UnknownLeadException(leadId);
                    status = LeadStatus.valueOf(rs.getString(1));
                }
            }
            if (!status.terminal()) throw new ReplayNotAllowedException(leadId, status);
            try (PreparedStatement ps = Sql.prepare(c, """
                    UPDATE lead SET status = 'PENDING', run = run + 1, attempts = 0, first_failure_at = NULL,
                      next_at = 0, updated_at = ?, rule_version = NULL, lane_key = NULL, connector = NULL,
                      account = NULL, marker = NULL, trace = NULL, reason = NULL,
                      pinned_rule = CASE WHEN ? THEN first_rule_version ELSE NULL END
                    WHERE id = ?""")) {
                ps.setLong(1, now);
                ps.setBoolean(2, which == ReplayVersion.ORIGINAL);
                ps.setString(3, leadId);
                ps.executeUpdate();
            }
            return null;
        };
    }
}
