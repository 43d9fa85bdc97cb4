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

        @Override
        String bodyText() {
            return "CAST(body AS TEXT)";
        }

        @Override
        String contains(String haystack) {
            return "instr(" + haystack + ", ?) > 0";
        }

        @Override
        String needle(String text) {
            return text;
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

        /** {@code escape} never fails on a body that is not UTF-8 (convert_from would fail the whole query). */
        @Override
        String bodyText() {
            return "encode(body, 'escape')";
        }

        @Override
        String contains(String haystack) {
            return "strpos(" + haystack + ", ?) > 0";
        }

        /** The text as {@code encode(…, 'escape')} writes its UTF-8 bytes: {@code \\} for a backslash, {@code \ooo} above ASCII. */
        @Override
        String needle(String text) {
            StringBuilder out = new StringBuilder();
            for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                int u = b & 0xff;
                if (u == '\\') out.append("\\\\");
                else if (u >= 0x80 || u == 0) out.append('\\').append(String.format("%03o", u));
                else out.append((char) u);
            }
            return out.toString();
        }
    };

    private static final Logger LOG = Logger.getLogger(Dialect.class.getName());

    /** Rows changed on this connection since it opened (idle detection for checkpoints), or -1. */
    abstract long changes(Connection c);

    /** Folds the write-ahead log back when the writer has been idle. */
    abstract void checkpoint(Connection c);

    /** Appended to the due-lead subquery of a claim. */
    abstract String lockDue();

    /** A lead's body as text the registry's search looks into (never fails on bytes that are not UTF-8). */
    abstract String bodyText();

    /** A condition true when {@code haystack} contains the next parameter. */
    abstract String contains(String haystack);

    /** A search text as it appears in {@link #bodyText()}. */
    abstract String needle(String text);
}
