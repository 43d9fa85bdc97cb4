package io.leadflow.runtime.journal;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The lead journal as the HTTP edge sees it: durable intake, the registry's queries, replay and
 * health. Every method is non-blocking and may be called from an event loop; returned futures
 * complete on the caller's Vert.x context (or on an internal thread when called from outside
 * Vert.x). Implementations: {@link io.leadflow.runtime.journal.sqlite.SqliteJournal} (embedded
 * default) and {@link io.leadflow.runtime.journal.sqlite.PostgresJournal} (several nodes on one
 * database), both over the same SQL.
 */
public interface Journal {

    /**
     * Records a lead. The future succeeds only after the lead is durably committed (fsync'd as
     * part of a group commit), so a 2xx may be sent on success. A lead whose
     * {@code (source, idempotencyKey)} was already recorded is not stored again: the existing id
     * comes back with {@code duplicate = true}. A lead whose {@code (source, sourceEventId)} was
     * recorded within its {@code dedupeWindow} (null: ever) is stored as a {@link LeadStatus#DUPLICATE}
     * linked to the first lead, whose id comes back with {@code duplicate = true}; after the window
     * it is a new lead (and the id's later repeats are its duplicates).
     * <p>Fails with {@link JournalOverloadedException} when the writer queue is full (answer 503
     * with its {@code retryAfter()}), or with {@link JournalClosedException} once {@link #close}
     * has begun. Any other failure means the lead was NOT acknowledged as stored.
     */
    Future<Accepted> append(IncomingLead lead);

    /**
     * Pull sources: records the leads one poll produced AND moves the source's cursor, in one
     * transaction, so a crash (kill -9) at any moment either keeps both or neither: a restarted
     * puller reads the old position and reads the same records again, and they are stored once.
     * <ul>
     *   <li>Compare-and-set: the stored position of {@code batch.key()} must equal
     *       {@code batch.expected()} (null: no row for the key). Otherwise nothing is stored and the
     *       future fails with {@link CursorMovedException}.</li>
     *   <li>Each lead is appended as {@link #append} does it (same dedupe by idempotency key and by
     *       event id within the lead's window; a repeat is a DUPLICATE row linked to the first lead),
     *       in list order; the answers come back in the same order.</li>
     *   <li>Then the row is created or updated: {@code position = batch.next()}, {@code updated_at = now},
     *       {@code leads += batch.leads().size()}.</li>
     *   <li>Durable on success (same fsync'd group commit as {@link #append}); any failure means
     *       nothing of the batch was stored. Overload and close fail as {@link #append} does.</li>
     * </ul>
     * The SQL both journals share is in {@code io.leadflow.runtime.journal.sqlite.CursorWrites}
     * (table {@code source_cursor}, portable to PostgreSQL).
     */
    Future<List<Accepted>> appendPulled(PulledBatch batch);

    /** The stored position of one pull source, or empty when it was never committed. */
    Future<Optional<SourceCursor>> cursor(String key);

    /** Every stored pull-source cursor, by key. */
    Future<List<SourceCursor>> cursors();

    /** Leads matching the query, newest first, at most {@code query.limit()}. */
    Future<List<LeadSummary>> list(LeadQuery query);

    /** Everything recorded about one lead, or empty when no lead has this id. */
    Future<Optional<LeadDetail>> get(String leadId);

    /**
     * Asks for the lead to be run again from the start (a new run: fresh evaluation, lookup,
     * decision, and effects with new idempotency keys; earlier runs stay in the registry).
     * {@link ReplayVersion#ORIGINAL} pins the rule version that first ran it; the executor
     * recompiles it from {@link Ledger#rules} when it is not loaded, and dead-letters the replay
     * with a clear reason when it is neither loaded nor stored (check both first to answer 409).
     * <p>Fails with {@link UnknownLeadException} (404) or, when the lead is still waiting or
     * running, {@link ReplayNotAllowedException} (409). Completes once the request is durable.
     */
    Future<Void> requestReplay(String leadId, ReplayVersion which);

    /** Counts for {@code /metrics} and {@code /health}: queue depth, leads by status, commit figures. */
    Future<Stats> stats();

    /** Whether the store accepts writes: the writer runs and its last commit did not fail. Cheap, non-blocking. */
    boolean healthy();

    /**
     * The executor's side of the same store. The HTTP edge never needs it; it is passed to the
     * {@code Engine} through this journal.
     */
    Ledger ledger();

    /** A shared journal's view of its cluster (node id, leases, nodes) for {@code /health}; empty for a single-process store. */
    default java.util.Optional<ClusterView> cluster() {
        return java.util.Optional.empty();
    }

    /** Stops taking appends, commits what is queued, checkpoints and closes the store. */
    Future<Void> close();
}
