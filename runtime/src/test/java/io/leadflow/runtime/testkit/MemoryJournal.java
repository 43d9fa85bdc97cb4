package io.leadflow.runtime.testkit;

import io.leadflow.runtime.journal.Accepted;
import io.leadflow.runtime.journal.IncomingLead;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.JournalOverloadedException;
import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadQuery;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.LeadSummary;
import io.leadflow.runtime.journal.Ledger;
import io.leadflow.runtime.journal.ReplayVersion;
import io.leadflow.runtime.journal.Stats;
import io.leadflow.runtime.journal.UnknownLeadException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** An in-memory journal with the real one's dedupe rules, and a switch to act overloaded. */
public final class MemoryJournal implements Journal {
    public final List<IncomingLead> stored = new ArrayList<>();
    public final AtomicBoolean overloaded = new AtomicBoolean();
    public final List<String> replays = new ArrayList<>();
    private final Map<String, String> keys = new HashMap<>();

    @Override
    public synchronized Future<Accepted> append(IncomingLead lead) {
        if (overloaded.get()) return Future.failedFuture(new JournalOverloadedException(1, Duration.ofSeconds(2)));
        for (String k : dedupeKeys(lead)) {
            String id = keys.get(k);
            if (id != null) return Future.succeededFuture(new Accepted(id, true));
        }
        String id = "L" + (stored.size() + 1);
        stored.add(lead);
        dedupeKeys(lead).forEach(k -> keys.put(k, id));
        return Future.succeededFuture(new Accepted(id, false));
    }

    private static List<String> dedupeKeys(IncomingLead l) {
        List<String> out = new ArrayList<>();
        if (l.sourceEventId() != null) out.add(l.source() + "\u0000e\u0000" + l.sourceEventId());
        if (l.idempotencyKey() != null) out.add(l.source() + "\u0000k\u0000" + l.idempotencyKey());
        return out;
    }

    private final Map<String, io.leadflow.runtime.journal.SourceCursor> cursors = new java.util.TreeMap<>();

    /** The same compare-and-set as the real journals; all or nothing (this journal never fails midway). */
    @Override
    public synchronized Future<List<Accepted>> appendPulled(io.leadflow.runtime.journal.PulledBatch batch) {
        var at = cursors.get(batch.key());
        String stored = at == null ? null : at.position();
        if (!java.util.Objects.equals(stored, batch.expected())) {
            return Future.failedFuture(new io.leadflow.runtime.journal.CursorMovedException(batch.key(), batch.expected(), stored));
        }
        List<Accepted> out = new ArrayList<>();
        for (IncomingLead l : batch.leads()) out.add(append(l).result());
        cursors.put(batch.key(), new io.leadflow.runtime.journal.SourceCursor(batch.key(), batch.next(), java.time.Instant.now(),
                (at == null ? 0 : at.leads()) + batch.leads().size()));
        return Future.succeededFuture(out);
    }

    @Override
    public synchronized Future<Optional<io.leadflow.runtime.journal.SourceCursor>> cursor(String key) {
        return Future.succeededFuture(Optional.ofNullable(cursors.get(key)));
    }

    @Override
    public synchronized Future<List<io.leadflow.runtime.journal.SourceCursor>> cursors() {
        return Future.succeededFuture(new ArrayList<>(cursors.values()));
    }

    public synchronized int count() {
        return stored.size();
    }

    private LeadSummary summary(int i) {
        IncomingLead l = stored.get(i);
        return new LeadSummary("L" + (i + 1), l.flow(), l.source(), LeadStatus.DONE, l.receivedAt(), l.receivedAt(), "h1", null, "c" + i);
    }

    @Override
    public synchronized Future<List<LeadSummary>> list(LeadQuery q) {
        List<LeadSummary> out = new ArrayList<>();
        for (int i = stored.size() - 1; i >= 0 && out.size() < q.clampedLimit(); i--) {
            if (q.flow() == null || q.flow().equals(stored.get(i).flow())) out.add(summary(i));
        }
        return Future.succeededFuture(out);
    }

    @Override
    public synchronized Future<Optional<LeadDetail>> get(String leadId) {
        int i = index(leadId);
        if (i < 0) return Future.succeededFuture(Optional.empty());
        IncomingLead l = stored.get(i);
        return Future.succeededFuture(Optional.of(new LeadDetail(summary(i), l.sourceEventId(), l.idempotencyKey(), l.contentType(),
                l.body(), l.headers(), 1, "h1", 1, null, "{\"steps\":[]}", List.of())));
    }

    private int index(String id) {
        try {
            int i = Integer.parseInt(id.substring(1)) - 1;
            return i >= 0 && i < stored.size() ? i : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public synchronized Future<Void> requestReplay(String leadId, ReplayVersion which) {
        if (index(leadId) < 0) return Future.failedFuture(new UnknownLeadException(leadId));
        replays.add(leadId + ":" + which);
        return Future.succeededFuture();
    }

    @Override
    public Future<Stats> stats() {
        return Future.succeededFuture(new Stats(0, 1, Map.of(), Map.of(), 0, 0, count(), 0, 0));
    }

    @Override public boolean healthy() { return true; }
    /** The edge only asks the ledger for stored rule texts (an ORIGINAL replay's check): none are stored here. */
    @Override public Ledger ledger() {
        return (Ledger) java.lang.reflect.Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("rules")) return Future.succeededFuture(Optional.empty());
                    throw new UnsupportedOperationException("the edge never uses the ledger's " + method.getName());
                });
    }
    @Override public Future<Void> close() { return Future.succeededFuture(); }
}
