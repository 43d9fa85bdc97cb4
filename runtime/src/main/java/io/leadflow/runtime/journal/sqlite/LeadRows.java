package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.EffectState;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.Ledger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Row mapping shared by reads and writes. */
final class LeadRows {
    static final String CLAIM_COLUMNS = "id, seq, flow, source, body, content_type, received_at, run, status, next_at, "
            + "attempts, rule_version, pinned_rule, lane_key, connector, account, marker, first_failure_at";

    private LeadRows() { }

    static List<Ledger.ClaimedLead> claimed(PreparedStatement ps) throws SQLException {
        List<Ledger.ClaimedLead> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Ledger.ClaimedLead(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getInt(8),
                        LeadStatus.valueOf(rs.getString(9)), Instant.ofEpochMilli(rs.getLong(10)), rs.getInt(11),
                        rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
                        rs.getString(17), instant(rs, 18)));
            }
        }
        out.sort(Comparator.comparingLong(Ledger.ClaimedLead::seq));
        return out;
    }

    static List<Ledger.EffectRecord> effects(Connection c, String leadId, int run) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, """
                SELECT idx, kind, idem_key, state, attempts, crm_ref, last_error, next_at, body
                FROM effect WHERE lead_id = ? AND run = ? ORDER BY idx""")) {
            ps.setString(1, leadId);
            ps.setInt(2, run);
            List<Ledger.EffectRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Ledger.EffectRecord(rs.getInt(1), rs.getString(2), rs.getString(3),
                            EffectState.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6), rs.getString(7),
                            instant(rs, 8), rs.getString(9)));
                }
            }
            return out;
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    static void setMillis(PreparedStatement ps, int index, Instant i) throws SQLException {
        if (i == null) ps.setNull(index, java.sql.Types.INTEGER);
        else ps.setLong(index, i.toEpochMilli());
    }
}
