package io.leadflow.runtime.journal.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What differs between the two stores that run this package's statements: the embedded SQLite
 * file and a shared PostgreSQL database. Everything else (the tables' columns, the append with
 * dedupe, the ledger writes, the cursor commit, the reads) is the same SQL.
 */
enum Dialect {
    /** One process owns the file; WAL checkpoints when idle. */
    SQLITE {
        @Override
        long changes(Connection c) {
            try (var rs = Sql.prepare(c, "SELECT total_changes()").executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                return -1;
            }
        }

        @Override
        void checkpoint(Connection c) {
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                c.setAutoCommit(false);
            } catch (SQLException e) {
                LOG.log(Level.FINE, "idle checkpoint skipped", e);
            }
        }

        @Override
        String lockDue() {
            return "";
        }
    },
    /**
     * Several nodes share the database: a due lead is claimed with {@code FOR UPDATE SKIP LOCKED}
     * so two claims never take the same row; PostgreSQL checkpoints by itself.
     */
    POSTGRESQL {
        @Override
        long changes(Connection c) {
            return 0;
        }

        @Override
        void checkpoint(Connection c) {
            // the server's own checkpointer
        }

        @Override
        String lockDue() {
            return " FOR UPDATE SKIP LOCKED";
        }
    };

    private static final Logger LOG = Logger.getLogger(Dialect.class.getName());

    /** Rows changed on this connection since it opened (idle detection for checkpoints), or -1. */
    abstract long changes(Connection c);

    /** Folds the write-ahead log back when the writer has been idle. */
    abstract void checkpoint(Connection c);

    /** Appended to the due-lead subquery of a claim. */
    abstract String lockDue();
}
