package io.leadflow.runtime.journal.sqlite;

import io.leadflow.dsl.ManagerState;
import io.leadflow.runtime.journal.EffectState;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.Ledger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The executor's writes, each one a {@link Writer.Op} committed in the next group commit. */
final class LedgerWrites {
    private LedgerWrites() { }

    static Writer.Op<List<Ledger.ClaimedLead>> claimDue(Dialect dialect, long now, int max) {
        String sql = "UPDATE lead SET status = 'RUNNING', updated_at = ? "
                + "WHERE seq IN (SELECT seq FROM lead WHERE status = 'PENDING' AND next_at <= ? ORDER BY seq LIMIT ?"
                + dialect.lockDue() + ") RETURNING " + LeadRows.CLAIM_COLUMNS;
        return c -> {
            try (PreparedStatement ps = Sql.prepare(c, sql)) {
                ps.setLong(1, now);
                ps.setLong(2, now);
                ps.setInt(3, max);
                return LeadRows.claimed(ps);
            }
        };
    }

    static Writer.Op<Void> update(String sql, Object... args) {
        return c -> {
            try (PreparedStatement ps = Sql.prepare(c, sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                if (ps.executeUpdate() == 0) throw new SQLException("no row changed by: " + sql.split(" WHERE ")[0]);
            }
            return null;
        };
    }

    static Writer.Op<Void> decision(Ledger.DecisionRecord d, long now) {
        return c -> {
            long seq;
            try (PreparedStatement ps = Sql.prepare(c, """
                    UPDATE lead SET rule_version = ?, first_rule_version = COALESCE(first_rule_version, ?),
                      lane_key = ?, connector = ?, account = ?, marker = ?, trace = ?, updated_at = ?
                    WHERE id = ? AND run = ? RETURNING seq""")) {
                ps.setString(1, d.ruleVersion());
                ps.setString(2, d.ruleVersion());
                ps.setString(3, d.laneKey());
                ps.setString(4, d.connector());
                ps.setString(5, d.account());
                ps.setString(6, d.marker());
                ps.setString(7, d.traceJson());
                ps.setLong(8, now);
                ps.setString(9, d.leadId());
                ps.setInt(10, d.run());
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) throw new SQLException("lead " + d.leadId() + " run " + d.run() + " not found");
                    seq = rs.getLong(1);
                }
            }
            insertEffects(c, d, seq, now);
            if (d.laneKey() != null) upsertLane(c, d.laneKey(), seq);
            if (d.managers() != null) saveManagers(c, d.managers());
            return null;
        };
    }

    private static void insertEffects(java.sql.Connection c, Ledger.DecisionRecord d, long seq, long now) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, """
                INSERT INTO effect (lead_id, run, idx, lane_key, seq, idem_key, kind, body, state, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Ledger.EffectRecord e : d.effects()) {
                ps.setString(1, d.leadId());
                ps.setInt(2, d.run());
                ps.setInt(3, e.index());
                ps.setString(4, d.laneKey());
                ps.setLong(5, seq);
                ps.setString(6, e.idemKey());
                ps.setString(7, e.kind());
                ps.setString(8, e.effectJson());
                ps.setString(9, e.state().name());
                ps.setLong(10, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void upsertLane(java.sql.Connection c, String laneKey, long seq) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "INSERT INTO lane (lane_key, head_seq) VALUES (?, ?) "
                + "ON CONFLICT (lane_key) DO UPDATE SET head_seq = excluded.head_seq")) {
            ps.setString(1, laneKey);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }

    private static void saveManagers(java.sql.Connection c, ManagerState managers) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "INSERT INTO manager_state (collection, manager, assigned) "
                + "VALUES (?, ?, ?) ON CONFLICT (collection, manager) DO UPDATE SET assigned = excluded.assigned")) {
            for (Map.Entry<String, Map<String, Long>> col : managers.assigned().entrySet()) {
                for (Map.Entry<String, Long> m : col.getValue().entrySet()) {
                    ps.setString(1, col.getKey());
                    ps.setString(2, m.getKey());
                    ps.setLong(3, m.getValue());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    static Writer.Op<Void> finish(String leadId, LeadStatus status, String reason, long now) {
        return update("UPDATE lead SET status = ?, reason = ?, updated_at = ?, next_at = ? WHERE id = ?",
                status.name(), reason, now, now, leadId);
    }

    static Writer.Op<Void> retryLater(String leadId, Instant nextAt, String error, long now) {
        return update("UPDATE lead SET status = 'RETRYING', next_at = ?, attempts = attempts + 1, reason = ?, "
                + "first_failure_at = COALESCE(first_failure_at, ?), updated_at = ? WHERE id = ?",
                nextAt.toEpochMilli(), error, now, now, leadId);
    }

    static Writer.Op<Void> effectSending(String leadId, int run, int index, long now) {
        return update("UPDATE effect SET state = 'SENDING', attempts = attempts + 1, next_at = NULL, updated_at = ? "
                + "WHERE lead_id = ? AND run = ? AND idx = ?", now, leadId, run, index);
    }

    static Writer.Op<Void> effectDone(String leadId, int run, int index, EffectState state, String crmRef, long now) {
        return update("UPDATE effect SET state = ?, crm_ref = ?, next_at = NULL, updated_at = ? "
                + "WHERE lead_id = ? AND run = ? AND idx = ?", state.name(), crmRef, now, leadId, run, index);
    }

    static Writer.Op<Void> effectFailed(String leadId, int run, int index, EffectState state, String error,
                                        Instant nextAt, long now) {
        return update("UPDATE effect SET state = ?, last_error = ?, next_at = ?, updated_at = ? "
                + "WHERE lead_id = ? AND run = ? AND idx = ?", state.name(), error, LeadRows.millis(nextAt), now,
                leadId, run, index);
    }

    /** Every file of a program version, once per hash (DO NOTHING on conflict: a stored version stays as it was). */
    static Writer.Op<Void> ruleTexts(String hash, Map<String, String> sources) {
        return c -> {
            try (PreparedStatement ps = Sql.prepare(c, "INSERT INTO rule_text (hash, path, text) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (Map.Entry<String, String> e : sources.entrySet()) {
                    ps.setString(1, hash);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue());
                    ps.executeUpdate();
                }
            }
            return null;
        };
    }

    static Writer.Op<Void> scheduleRun(String name, Instant periodStart, Instant ranAt, String error) {
        return update("INSERT INTO schedule_run (name, period_start, ran_at, error) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET period_start = excluded.period_start, ran_at = excluded.ran_at, "
                + "error = excluded.error", name, periodStart.toEpochMilli(), ranAt.toEpochMilli(), error);
    }
}
