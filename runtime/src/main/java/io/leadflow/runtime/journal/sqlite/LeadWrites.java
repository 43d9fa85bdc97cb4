package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.Accepted;
import io.leadflow.runtime.journal.IncomingLead;
import io.leadflow.runtime.journal.LeadIds;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.ReplayNotAllowedException;
import io.leadflow.runtime.journal.ReplayVersion;
import io.leadflow.runtime.journal.UnknownLeadException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The edge's writes: append with dedupe, and replay requests. */
final class LeadWrites {
    private static final String INSERT = """
            INSERT INTO lead (id, flow, source, source_event_id, idem_key, content_type, headers, body,
                              received_at, status, updated_at, next_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String EXISTING = """
            SELECT id FROM lead WHERE source = ?
              AND ((? IS NOT NULL AND source_event_id = ?) OR (? IS NOT NULL AND idem_key = ?))""";

    private LeadWrites() { }

    static Writer.Op<Accepted> append(IncomingLead lead) {
        String headers = Json.headers(lead.headers());
        String id = LeadIds.next();
        long received = lead.receivedAt().toEpochMilli();
        return c -> {
            try (PreparedStatement ps = Sql.prepare(c, INSERT)) {
                ps.setString(1, id);
                ps.setString(2, lead.flow());
                ps.setString(3, lead.source());
                ps.setString(4, lead.sourceEventId());
                ps.setString(5, lead.idempotencyKey());
                ps.setString(6, lead.contentType());
                ps.setString(7, headers);
                ps.setBytes(8, lead.body());
                ps.setLong(9, received);
                ps.setLong(10, received);
                ps.setLong(11, received);
                if (ps.executeUpdate() == 1) return new Accepted(id, false);
            }
            try (PreparedStatement ps = Sql.prepare(c, EXISTING)) {
                ps.setString(1, lead.source());
                ps.setString(2, lead.sourceEventId());
                ps.setString(3, lead.sourceEventId());
                ps.setString(4, lead.idempotencyKey());
                ps.setString(5, lead.idempotencyKey());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return new Accepted(rs.getString(1), true);
                }
            }
            throw new SQLException("lead not stored: conflicting id " + id);
        };
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
