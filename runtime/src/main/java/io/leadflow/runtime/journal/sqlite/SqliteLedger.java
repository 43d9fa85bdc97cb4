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
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    SqliteLedger(Writer writer, ReadPool reads, Dialect dialect) {
        this.writer = writer;
        this.reads = reads;
        this.dialect = dialect;
        writer.afterCommit(this::wake);
    }

    void wake() {
        for (Runnable r : listeners) r.run();
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    @Override
    public Future<List<ClaimedLead>> claimDue(Instant now, int max) {
        return writer.submit(LedgerWrites.claimDue(dialect, now.toEpochMilli(), max), Writer.Kind.LEDGER);
    }

    @Override
    public Future<List<ClaimedLead>> recoverUnfinished() {
        return reads.read(Reads::unfinished);
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
