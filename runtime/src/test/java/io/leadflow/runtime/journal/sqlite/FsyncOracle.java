package io.leadflow.runtime.journal.sqlite;

import java.util.ArrayList;
import java.util.List;

/**
 * T3's verdict on one measured run: every acknowledged append must have been committed by a
 * commit that SQLite fsyncs. Returns what is wrong; empty means durable.
 */
final class FsyncOracle {
    private FsyncOracle() { }

    /**
     * @param acks            appends acknowledged
     * @param commits         writer commits during the run
     * @param acksBeforeCommit acks that arrived while their batch's commit had not yet been counted
     * @param synchronous     {@code PRAGMA synchronous} read back from the writer connection
     * @param fsyncs          fsync + fdatasync calls counted by strace, or -1 when not measured
     */
    static List<String> violations(long acks, long commits, long acksBeforeCommit, int synchronous, long fsyncs) {
        List<String> out = new ArrayList<>();
        if (acks > 0 && commits == 0) out.add("acks without any commit");
        if (acksBeforeCommit > 0) out.add(acksBeforeCommit + " acks came before their commit");
        if (synchronous != 2) out.add("writer connection runs synchronous=" + synchronous + ", not FULL (2)");
        if (fsyncs >= 0 && fsyncs < commits) out.add("only " + fsyncs + " fsyncs for " + commits + " commits");
        return out;
    }
}
