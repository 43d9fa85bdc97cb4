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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Journal} over this package's SQL: one writer connection doing group commit on its own
 * thread, a pool of read connections on worker threads. {@link SqliteJournal} (the embedded default)
 * and {@link PostgresJournal} (several nodes on one database) differ only in how they open the store
 * and in the {@link Dialect}.
 */
public abstract class SqlJournal implements Journal {
    final Writer writer;
    final ReadPool reads;
    private final SqliteLedger ledger;
    private final JournalOptions options;
    private final Dialect dialect;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile Counts counts;

    /** Per-status counts scan an index, so a scrape every second reuses them for up to 1 s. */
    private static final long COUNTS_MAX_AGE_NANOS = 1_000_000_000L;

    private record Counts(Map<LeadStatus, Long> leads, Map<EffectState, Long> effects, long at) { }

    SqlJournal(Writer writer, ReadPool reads, JournalOptions options, Dialect dialect) {
        this.writer = writer;
        this.reads = reads;
        this.options = options;
        this.dialect = dialect;
        this.ledger = new SqliteLedger(writer, reads, dialect);
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
        return reads.read(c -> Reads.list(c, dialect, query));
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
}
