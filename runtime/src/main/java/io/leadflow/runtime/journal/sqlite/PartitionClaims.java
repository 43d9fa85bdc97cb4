package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.Ledger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The claims of a shared PostgreSQL journal's executors. The coordinator claims the leads not yet
 * routed ({@code part IS NULL}), runs the rules' filters to learn each one's contact lane, and routes
 * it ({@link #route}: PENDING again, with the lane's partition). Every node's delivery executor claims
 * only the leads of the partitions it held when it started, in acceptance order, so a lane's leads
 * reach one node in order; {@code lead.node} says which node claimed (or recovered) a lead last. PostgreSQL only: the columns come from {@code V3__partitions.sql}.
 */
final class PartitionClaims {
    private PartitionClaims() { }

    /** The coordinator's: leads not routed yet. */
    static SqliteLedger.Claims unrouted() {
        return new SqliteLedger.Claims() {
            @Override
            public Writer.Op<List<Ledger.ClaimedLead>> due(long now, int max) {
                return c -> {
                    try (PreparedStatement ps = Sql.prepare(c, "UPDATE lead SET status = 'RUNNING', updated_at = ? WHERE seq IN "
                            + "(SELECT seq FROM lead WHERE status = 'PENDING' AND part IS NULL AND next_at <= ? ORDER BY seq LIMIT ?"
                            + " FOR UPDATE SKIP LOCKED) RETURNING " + LeadRows.CLAIM_COLUMNS)) {
                        ps.setLong(1, now);
                        ps.setLong(2, now);
                        ps.setInt(3, max);
                        return LeadRows.claimed(ps);   // in acceptance order
                    }
                };
            }

            @Override
            public Writer.Op<List<Ledger.ClaimedLead>> unfinished() {
                return c -> {
                    try (PreparedStatement ps = Sql.prepare(c, "SELECT " + LeadRows.CLAIM_COLUMNS
                            + " FROM lead WHERE status IN ('RUNNING', 'RETRYING') AND part IS NULL ORDER BY seq")) {
                        return LeadRows.claimed(ps);
                    }
                };
            }
        };
    }

    /** A delivery executor's: the leads of {@code parts}; a claim records {@code node} on the lead. */
    static SqliteLedger.Claims of(Set<Integer> parts, String node) {
        Integer[] ids = parts.toArray(new Integer[0]);
        return new SqliteLedger.Claims() {
            @Override
            public Writer.Op<List<Ledger.ClaimedLead>> due(long now, int max) {
                return c -> {
                    if (ids.length == 0) return List.of();
                    try (PreparedStatement ps = Sql.prepare(c, "UPDATE lead SET status = 'RUNNING', node = ?, updated_at = ? WHERE seq IN "
                            + "(SELECT seq FROM lead WHERE status = 'PENDING' AND part = ANY(?) AND next_at <= ? ORDER BY seq LIMIT ?"
                            + " FOR UPDATE SKIP LOCKED) RETURNING " + LeadRows.CLAIM_COLUMNS)) {
                        ps.setString(1, node);
                        ps.setLong(2, now);
                        ps.setArray(3, c.createArrayOf("integer", ids));
                        ps.setLong(4, now);
                        ps.setInt(5, max);
                        return LeadRows.claimed(ps);   // in acceptance order
                    }
                };
            }

            /** The leads left unfinished in these partitions, now this node's: {@code node} is written on them (who finishes them). */
            @Override
            public Writer.Op<List<Ledger.ClaimedLead>> unfinished() {
                return c -> {
                    if (ids.length == 0) return List.of();
                    try (PreparedStatement ps = Sql.prepare(c, "UPDATE lead SET node = ? WHERE status IN ('RUNNING', 'RETRYING') "
                            + "AND part = ANY(?) RETURNING " + LeadRows.CLAIM_COLUMNS)) {
                        ps.setString(1, node);
                        ps.setArray(2, c.createArrayOf("integer", ids));
                        return LeadRows.claimed(ps);   // in acceptance order
                    }
                };
            }

            @Override
            public boolean unfinishedWrites() {
                return true;
            }
        };
    }

    /** A routed lead: PENDING again, in its lane's partition, for that partition's holder to claim. */
    static Writer.Op<Void> route(String leadId, int part, long now) {
        return c -> {
            try (PreparedStatement ps = Sql.prepare(c, "UPDATE lead SET status = 'PENDING', part = ?, updated_at = ? "
                    + "WHERE id = ? AND status = 'RUNNING'")) {
                ps.setInt(1, part);
                ps.setLong(2, now);
                ps.setString(3, leadId);
                if (ps.executeUpdate() == 0) throw new SQLException("lead " + leadId + " is not RUNNING: not routed");
            }
            return null;
        };
    }
}
