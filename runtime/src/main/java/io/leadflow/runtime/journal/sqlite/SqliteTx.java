package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.EffectState;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.Ledger;
import java.util.ArrayList;
import java.util.List;

/** Ledger writes gathered into one {@link Writer.Op}, so they commit together. */
final class SqliteTx implements Ledger.Tx {
    private final List<Writer.Op<?>> ops = new ArrayList<>();

    @Override
    public Ledger.Tx recordDecision(Ledger.DecisionRecord decision) {
        ops.add(LedgerWrites.decision(decision, System.currentTimeMillis()));
        return this;
    }

    @Override
    public Ledger.Tx effectSending(String leadId, int run, int index) {
        ops.add(LedgerWrites.effectSending(leadId, run, index, System.currentTimeMillis()));
        return this;
    }

    @Override
    public Ledger.Tx effectDone(String leadId, int run, int index, EffectState state, String crmRef) {
        ops.add(LedgerWrites.effectDone(leadId, run, index, state, crmRef, System.currentTimeMillis()));
        return this;
    }

    @Override
    public Ledger.Tx finish(String leadId, LeadStatus status, String reason) {
        ops.add(LedgerWrites.finish(leadId, status, reason, System.currentTimeMillis()));
        return this;
    }

    @Override
    public boolean isEmpty() {
        return ops.isEmpty();
    }

    Writer.Op<Void> op() {
        List<Writer.Op<?>> all = List.copyOf(ops);
        return c -> {
            for (Writer.Op<?> op : all) op.run(c);
            return null;
        };
    }
}
