package io.leadflow.runtime.journal.sqlite;

import io.leadflow.dsl.ManagerState;
import io.leadflow.runtime.journal.EffectState;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.Ledger;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link Ledger} over the same writer and read pool as the journal (SQLite or PostgreSQL). */
final class SqliteLedger implements Ledger {
    private final Writer writer;
    private final ReadPool reads;
    private final Dialect dialect;
    private final List<Runnable> listeners;
    private final Claims claims;
    private final Routing routing;
    private final boolean schedules;
    private final RotationLock rotation;

    /**
     * Which leads a ledger claims: every due lead (one process owns the store), or on a shared
     * journal the coordinator's unrouted ones or the leads of some partitions ({@link PartitionClaims}).
     */
    interface Claims {
        Writer.Op<List<ClaimedLead>> due(long now, int max);

        Writer.Op<List<ClaimedLead>> unfinished();

        /** Whether {@link #unfinished} writes (a fenced executor write through the writer) rather than only reads. */
        default boolean unfinishedWrites() {
            return false;
        }
    }

    private static Claims all(Dialect dialect) {
        return new Claims() {
            @Override
            public Writer.Op<List<ClaimedLead>> due(long now, int max) {
                return LedgerWrites.claimDue(dialect, now, max);
            }

            @Override
            public Writer.Op<List<ClaimedLead>> unfinished() {
                return Reads::unfinished;
            }
        };
    }

    SqliteLedger(Writer writer, ReadPool reads, Dialect dialect) {
        this(writer, reads, dialect, new CopyOnWriteArrayList<>(), all(dialect), null, true, null);
        writer.afterCommit(this::wake);
    }

    private SqliteLedger(Writer writer, ReadPool reads, Dialect dialect, List<Runnable> listeners, Claims claims,
                         Routing routing, boolean schedules, RotationLock rotation) {
        this.writer = writer;
        this.reads = reads;
        this.dialect = dialect;
        this.listeners = listeners;
        this.claims = claims;
        this.routing = routing;
        this.schedules = schedules;
        this.rotation = rotation;
    }

    /**
     * The same ledger (same writer, same wake-ups) claiming only what {@code scope} says, routing
     * what it prepares when {@code routing} is set, running the schedules or not, and taking
     * rotation turns under {@code rotation} when set.
     */
    SqliteLedger scoped(Claims scope, Routing routing, boolean schedules, RotationLock rotation) {
        return new SqliteLedger(writer, reads, dialect, listeners, scope, routing, schedules, rotation);
    }

    @Override
    public Optional<Routing> routing() {
        return Optional.ofNullable(routing);
    }

    @Override
    public boolean runsSchedules() {
        return schedules;
    }

    @Override
    public Optional<RotationLock> rotationLock() {
        return Optional.ofNullable(rotation);
    }

    /** Queues a write of the given kind on this ledger's writer. */
    <T> Future<T> submit(Writer.Op<T> op, Writer.Kind kind) {
        return writer.submit(op, kind);
    }

    void wake() {
        for (Runnable r : listeners) r.run();
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    @Override
    public Future<List<ClaimedLead>> claimDue(Instant now, int max) {
        return writer.submit(claims.due(now.toEpochMilli(), max), Writer.Kind.LEDGER);
    }

    @Override
    public Future<List<ClaimedLead>> recoverUnfinished() {
        return claims.unfinishedWrites() ? writer.submit(claims.unfinished(), Writer.Kind.LEDGER) : reads.read(claims.unfinished());
    }

    @Override
    public Future<Void> defer(String leadId, Instant nextAt) {
        return writer.submit(LedgerWrites.update("UPDATE lead SET status = 'PENDING', next_at = ?, updated_at = ? WHERE id = ?",
                nextAt.toEpochMilli(), now(), leadId), Writer.Kind.LEDGER);
    }

    @Override
    public Future<Void> recordDecision(DecisionRecord decision) {
        return writer.submit(LedgerWrites.decision(decision, now()), Writer.Kind.LEDGER);
    }

    @Override
    public Future<Void> recordFinal(DecisionRecord decision, LeadStatus status, String reason) {
        return commit(tx().recordDecision(decision).finish(decision.leadId(), status, reason));
    }

    @Override
    public Future<Void> finish(String leadId, LeadStatus status, String reason) {
        return writer.submit(LedgerWrites.finish(leadId, status, reason, now()), Writer.Kind.LEDGER);
    }

    @Override
    public Future<Void> retryLater(String leadId, Instant nextAt, String error) {
        return writer.submit(LedgerWrites.retryLater(leadId, nextAt, error, now()), Writer.Kind.LEDGER);
    }

    @Override
    public Future<Void> resume(String leadId) {
        return writer.submit(LedgerWrites.update("UPDATE lead SET status = 'RUNNING', updated_at = ? WHERE id = ?",
                now(), leadId), Writer.Kind.LEDGER);
    }

    @Override
    public Future<List<EffectRecord>> effects(String leadId, int run) {
        return reads.read(c -> LeadRows.effects(c, leadId, run));
    }

    @Override
    public Future<Void> effectSending(String leadId, int run, int index) {
        return writer.submit(LedgerWrites.effectSending(leadId, run, index, now()), Writer.Kind.LEDGER);
    }

    @Override
    public Future<Void> effectDone(String leadId, int run, int index, EffectState state, String crmRef) {
        return writer.submit(LedgerWrites.effectDone(leadId, run, index, state, crmRef, now()), Writer.Kind.LEDGER);
    }

    @Override
    public Future<Void> effectFailed(String leadId, int run, int index, EffectState state, String error, Instant nextAt) {
        return writer.submit(LedgerWrites.effectFailed(leadId, run, index, state, error, nextAt, now()), Writer.Kind.LEDGER);
    }

    @Override
    public Tx tx() {
        return new SqliteTx();
    }

    @Override
    public Future<Void> commit(Tx tx) {
        if (tx.isEmpty()) return Future.succeededFuture();
        return writer.submit(((SqliteTx) tx).op(), Writer.Kind.LEDGER);
    }

    @Override
    public Future<Void> storeRules(String contentHash, Map<String, String> sources) {
        return writer.submit(LedgerWrites.ruleTexts(contentHash, Map.copyOf(sources)), Writer.Kind.STORE);
    }

    @Override
    public Future<Optional<Map<String, String>>> rules(String contentHash) {
        return reads.read(c -> Reads.ruleTexts(c, contentHash));
    }

    @Override
    public Future<ManagerState> managerState() {
        return reads.read(Reads::managers);
    }

    @Override
    public Future<Optional<Instant>> lastScheduleRun(String schedule) {
        return reads.read(c -> Reads.lastScheduleRun(c, schedule));
    }

    @Override
    public Future<Void> recordScheduleRun(String schedule, Instant periodStart, Instant ranAt, String error) {
        return writer.submit(LedgerWrites.scheduleRun(schedule, periodStart, ranAt, error), Writer.Kind.LEDGER);
    }

    @Override
    public Runnable onAppend(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
