package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.Accepted;
import io.leadflow.runtime.journal.EffectState;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.IncomingLead;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadQuery;
import io.leadflow.runtime.journal.LeadSummary;
import io.leadflow.runtime.journal.Ledger;
import io.leadflow.runtime.journal.PulledBatch;
import io.leadflow.runtime.journal.ReplayVersion;
import io.leadflow.runtime.journal.SourceCursor;
import io.leadflow.runtime.journal.Stats;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded default {@link Journal}: one SQLite file in the data directory. {@code org.sqlite.tmpdir}
 * is pointed at {@code <dataDir>/sqlite-tmp} (emptied at open) so the native library is never
 * unpacked into a {@code noexec} or full {@code /tmp}.
 */
public final class SqliteJournal implements Journal {
    private final Writer writer;
    private final ReadPool reads;
    private final SqliteLedger ledger;
    private final JournalOptions options;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile Counts counts;

    /** Per-status counts scan an index, so a scrape every second reuses them for up to 1 s. */
    private static final long COUNTS_MAX_AGE_NANOS = 1_000_000_000L;

    private record Counts(Map<LeadStatus, Long> leads, Map<EffectState, Long> effects, long at) { }

    private SqliteJournal(Writer writer, ReadPool reads, JournalOptions options) {
        this.writer = writer;
        this.reads = reads;
        this.options = options;
        this.ledger = new SqliteLedger(writer, reads);
    }

    /**
     * Opens (creating if needed) the journal in {@code dataDir}, asserting WAL and
     * {@code synchronous=FULL} on every connection. Fails with a clear message when the folder
     * is not writable or the database is not a Leadflow journal.
     */
    public static Future<SqliteJournal> open(Vertx vertx, Path dataDir, JournalOptions options) {
        return vertx.executeBlocking(() -> openBlocking(vertx, dataDir, options), false);
    }

    private static SqliteJournal openBlocking(Vertx vertx, Path dataDir, JournalOptions options) throws Exception {
        SqliteConnections connections = SqliteConnections.prepare(dataDir, options);
        List<Connection> opened = new ArrayList<>();
        try {
            Connection w = connections.open();
            opened.add(w);
            Schema.apply(w);
            for (int i = 0; i < options.readers(); i++) opened.add(connections.open());
        } catch (SQLException e) {
            for (Connection c : opened) c.close();
            throw new SQLException("cannot open the journal in " + dataDir + ": " + e.getMessage(), e);
        }
        Writer writer = new Writer(opened.get(0), options);
        SqliteJournal journal = new SqliteJournal(writer, new ReadPool(vertx, opened.subList(1, opened.size())), options);
        writer.start();
        return journal;
    }

    @Override
    public Future<Accepted> append(IncomingLead lead) {
        Future<Accepted> f = writer.submit(LeadWrites.append(lead), Writer.Kind.APPEND);
        return f.andThen(ar -> {
            if (ar.succeeded()) (ar.result().duplicate() ? duplicates : accepted).incrementAndGet();
            else if (ar.cause() instanceof io.leadflow.runtime.journal.JournalOverloadedException) rejected.incrementAndGet();
        });
    }

    @Override
    public Future<List<Accepted>> appendPulled(PulledBatch batch) {
        Future<List<Accepted>> f = writer.submit(CursorWrites.commit(batch, System.currentTimeMillis()), Writer.Kind.APPEND);
        return f.andThen(ar -> {
            if (ar.succeeded()) for (Accepted a : ar.result()) (a.duplicate() ? duplicates : accepted).incrementAndGet();
            else if (ar.cause() instanceof io.leadflow.runtime.journal.JournalOverloadedException) rejected.incrementAndGet();
        });
    }

    @Override
    public Future<Optional<SourceCursor>> cursor(String key) {
        return reads.read(c -> CursorWrites.read(c, key).stream().findFirst());
    }

    @Override
    public Future<List<SourceCursor>> cursors() {
        return reads.read(c -> CursorWrites.read(c, null));
    }

    @Override
    public Future<List<LeadSummary>> list(LeadQuery query) {
        return reads.read(c -> Reads.list(c, query));
    }

    @Override
    public Future<Optional<LeadDetail>> get(String leadId) {
        return reads.read(c -> Reads.get(c, leadId));
    }

    @Override
    public Future<Void> requestReplay(String leadId, ReplayVersion which) {
        return writer.submit(LeadWrites.replay(leadId, which, System.currentTimeMillis()), Writer.Kind.REPLAY);
    }

    @Override
    public Future<Stats> stats() {
        Counts cached = counts;
        if (cached != null && System.nanoTime() - cached.at() < COUNTS_MAX_AGE_NANOS) return Future.succeededFuture(stats(cached));
        return reads.read(c -> new Counts(Reads.leadCounts(c), Reads.effectCounts(c), System.nanoTime())).map(fresh -> {
            counts = fresh;
            return stats(fresh);
        });
    }

    private Stats stats(Counts c) {
        return new Stats(writer.depth(), options.queueCapacity(), c.leads(), c.effects(), writer.commits(), writer.rows(),
                accepted.get(), duplicates.get(), rejected.get());
    }

    @Override
    public boolean healthy() {
        return writer.healthy();
    }

    @Override
    public Ledger ledger() {
        return ledger;
    }

    @Override
    public Future<Void> close() {
        return writer.close().andThen(ar -> reads.close());
    }

    /** Figures T3 checks: commits and the synchronous level read back from the live writer connection. */
    public DurabilityProbe durabilityProbe() {
        return new DurabilityProbe(writer);
    }
}
