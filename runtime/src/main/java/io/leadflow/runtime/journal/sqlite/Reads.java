package io.leadflow.runtime.journal.sqlite;

import io.leadflow.dsl.ManagerState;
import io.leadflow.runtime.journal.EffectState;
import io.leadflow.runtime.journal.EffectView;
import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadQuery;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.LeadSummary;
import io.leadflow.runtime.journal.Ledger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry's and executor's queries; each runs on a read connection. */
final class Reads {
    private static final String SUMMARY = "seq, id, flow, source, status, received_at, updated_at, rule_version, reason, duplicate_of";

    private Reads() { }

    static List<LeadSummary> list(Connection c, Dialect dialect, LeadQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY + " FROM lead WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.flow() != null) { sql.append(" AND flow = ?"); args.add(q.flow()); }
        if (q.status() != null) { sql.append(" AND status = ?"); args.add(q.status().name()); }
        if (q.from() != null) { sql.append(" AND received_at >= ?"); args.add(q.from().toEpochMilli()); }
        if (q.to() != null) { sql.append(" AND received_at < ?"); args.add(q.to().toEpochMilli()); }
        if (q.cursor() != null) { sql.append(" AND seq < ?"); args.add(cursor(q.cursor())); }
        if (q.searchText() != null) search(dialect, q, sql, args);
        sql.append(" ORDER BY seq DESC LIMIT ?");
        args.add(q.clampedLimit());
        try (PreparedStatement ps = Sql.prepare(c, sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<LeadSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(summary(rs));
            }
            return out;
        }
    }

    /** The registry's text search ({@link LeadQuery#text()}): a scan of the matching rows' bodies, newest first. */
    private static void search(Dialect dialect, LeadQuery q, StringBuilder sql, List<Object> args) {
        String t = q.searchText();
        sql.append(" AND (id = ? OR event_id = ? OR ").append(dialect.contains("lower(" + dialect.bodyText() + ")"));
        args.add(t);
        args.add(t);
        args.add(dialect.needle(asciiLower(t)));
        String digits = q.searchDigits();
        if (digits != null) {
            String stripped = dialect.bodyText();
            for (String c : new String[] {" ", "-", ".", "(", ")", "+"}) stripped = "replace(" + stripped + ", '" + c + "', '')";
            sql.append(" OR ").append(dialect.contains(stripped));
            args.add(digits);
        }
        sql.append(')');
    }

    /** Lower case for A-Z only, as SQL lower() folds the body (non-ASCII text is matched exactly as typed). */
    private static String asciiLower(String t) {
        StringBuilder out = new StringBuilder(t.length());
        for (char ch : t.toCharArray()) out.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        return out.toString();
    }

    private static long cursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new io.leadflow.runtime.journal.BadCursorException(cursor);
        }
    }

    private static LeadSummary summary(ResultSet rs) throws SQLException {
        return new LeadSummary(rs.getString(2), rs.getString(3), rs.getString(4), LeadStatus.valueOf(rs.getString(5)),
                Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8),
                rs.getString(9), Long.toString(rs.getLong(1)), rs.getString(10));
    }

    static Optional<LeadDetail> get(Connection c, String leadId) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "SELECT " + SUMMARY + ", event_id, idem_key, content_type, "
                + "body, headers, run, first_rule_version, attempts, next_at, trace FROM lead WHERE id = ?")) {
            ps.setString(1, leadId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                LeadSummary s = summary(rs);
                LeadStatus st = s.status();
                Instant next = st == LeadStatus.PENDING || st == LeadStatus.RETRYING ? LeadRows.instant(rs, 19) : null;
                return Optional.of(new LeadDetail(s, rs.getString(11), rs.getString(12), rs.getString(13), rs.getBytes(14),
                        Json.headers(rs.getString(15)), rs.getInt(16), rs.getString(17), rs.getInt(18), next,
                        rs.getString(20), effectViews(c, leadId)));
            }
        }
    }

    private static List<EffectView> effectViews(Connection c, String leadId) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "SELECT run, idx, kind, idem_key, state, attempts, crm_ref, "
                + "last_error, next_at, body FROM effect WHERE lead_id = ? ORDER BY run, idx")) {
            ps.setString(1, leadId);
            List<EffectView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EffectView(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            EffectState.valueOf(rs.getString(5)), rs.getInt(6), rs.getString(7), rs.getString(8),
                            LeadRows.instant(rs, 9), rs.getString(10)));
                }
            }
            return out;
        }
    }

    static Map<LeadStatus, Long> leadCounts(Connection c) throws SQLException {
        return counts(c, "SELECT status, count(*) FROM lead GROUP BY status", LeadStatus.class);
    }

    static Map<EffectState, Long> effectCounts(Connection c) throws SQLException {
        return counts(c, "SELECT state, count(*) FROM effect GROUP BY state", EffectState.class);
    }

    private static <E extends Enum<E>> Map<E, Long> counts(Connection c, String sql, Class<E> type) throws SQLException {
        Map<E, Long> out = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) out.put(e, 0L);
        try (PreparedStatement ps = Sql.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(Enum.valueOf(type, rs.getString(1)), rs.getLong(2));
        }
        return out;
    }

    static List<Ledger.ClaimedLead> unfinished(Connection c) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "SELECT " + LeadRows.CLAIM_COLUMNS
                + " FROM lead WHERE status IN ('RUNNING', 'RETRYING') ORDER BY seq")) {
            return LeadRows.claimed(ps);
        }
    }

    static ManagerState managers(Connection c) throws SQLException {
        Map<String, Map<String, Long>> out = new HashMap<>();
        try (PreparedStatement ps = Sql.prepare(c, "SELECT collection, manager, assigned FROM manager_state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
        }
        Map<String, Map<String, Long>> frozen = new HashMap<>();
        out.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
        return new ManagerState(frozen);
    }

    static Optional<Map<String, String>> ruleTexts(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "SELECT path, text FROM rule_text WHERE hash = ? ORDER BY path")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, String> out = new java.util.LinkedHashMap<>();
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
                return out.isEmpty() ? Optional.empty() : Optional.of(out);
            }
        }
    }

    static Optional<Instant> lastScheduleRun(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "SELECT period_start FROM schedule_run WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        }
    }
}
