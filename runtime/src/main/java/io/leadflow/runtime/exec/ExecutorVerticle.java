package io.leadflow.runtime.exec;

import io.leadflow.runtime.journal.Ledger;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Claims leads, routes them into contact lanes and runs lane heads with bounded concurrency.
 * Everything here runs on this verticle's context, so lanes, counters and the rotation state
 * need no locks. Holds at most {@code maxInFlight} runs; the rest wait in the journal.
 */
final class ExecutorVerticle extends VerticleBase {
    private static final Logger LOG = Logger.getLogger(ExecutorVerticle.class.getName());
    private static final int CLAIM_BATCH = 256;

    private final Ledger ledger;
    /** Set on a shared journal's coordinator: prepared leads are routed to their partition, not run here. */
    private final Ledger.Routing routing;
    private final Clock clock;
    private final EngineOptions options;
    private final Components parts;
    private final Map<String, Lane> lanes = new HashMap<>();
    private final ArrayDeque<Lane> waitingForPermit = new ArrayDeque<>();
    /** Per CRM account: steps running now, its cap, and lanes waiting because the account is at its cap. */
    private final Map<String, AccountSlots> accounts = new HashMap<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile int inFlight;
    private int active;
    private boolean polling;
    private boolean pollAgain;
    private boolean stopping;
    private long pollTimer = -1;
    private Promise<Void> idle;
    private Runnable unsubscribe = () -> { };

    /** The collaborators, built once the persisted rotation state is loaded. */
    record Components(Preparer preparer, StepRunner steps, ProgramSource programs) { }

    ExecutorVerticle(Ledger ledger, Clock clock, EngineOptions options, Components parts) {
        this.ledger = ledger;
        this.routing = ledger.routing().orElse(null);
        this.clock = clock;
        this.options = options;
        this.parts = parts;
    }

    @Override
    public Future<?> start() {
        // on a shared journal, the CRM calls made here take this node's share of each account's limit
        context.put(io.leadflow.connector.ratelimit.ClusterShare.KEY, Boolean.TRUE);
        unsubscribe = ledger.onAppend(this::wake);
        return ledger.recoverUnfinished().map(recovered -> {
            if (!recovered.isEmpty()) LOG.info(() -> "resuming " + recovered.size() + " unfinished leads");
            accept(recovered);
            pollTimer = vertx.setPeriodic(Math.max(1, options.pollInterval().toMillis()), id -> poll());
            poll();
            return null;
        });
    }

    int inFlight() {
        return inFlight;
    }

    io.vertx.core.Context ctx() {
        return context;
    }

    /** Called from the journal's writer thread after new leads commit: one wake-up at a time. */
    private void wake() {
        if (wakePending.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                wakePending.set(false);
                poll();
            });
        }
    }

    private void poll() {
        if (stopping || parts.programs().current() == null) return;   // no rules loaded yet: leads wait in the journal
        if (polling) {
            pollAgain = true;
            return;
        }
        int room = Math.min(CLAIM_BATCH, options.maxInFlight() - inFlight);
        if (room <= 0) return;
        polling = true;
        ledger.claimDue(clock.instant(), room).onComplete(ar -> {
            polling = false;
            if (stopping) return;                 // claimed but not started: recovered at the next start
            if (ar.failed()) {
                if (!stopping) LOG.log(Level.WARNING, "claiming leads failed; will retry", ar.cause());
                return;
            }
            accept(ar.result());
            if (ar.result().size() == room || pollAgain) {
                pollAgain = false;
                poll();
            }
        });
    }

    /** Runs the preparation of each lead in acceptance order, so lanes receive them in that order. */
    private void accept(List<Ledger.ClaimedLead> leads) {
        for (Ledger.ClaimedLead lead : leads) {
            inFlight++;
            Preparer.Prepared p;
            try {
                p = parts.preparer().prepare(lead);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "preparing lead " + lead.leadId() + " failed; it stays claimed until restart", e);
                released();
                continue;
            }
            if (p.run() != null && routing != null) {
                LeadRun run = p.run();   // a shared journal's coordinator: the lane's partition holder delivers it
                routing.route(run.id(), run.laneKey).onComplete(ar -> {
                    if (ar.failed()) LOG.log(Level.WARNING, "routing lead " + lead.leadId() + " failed; the coordinator routes it again", ar.cause());
                    released();
                });
            } else if (p.run() != null) {
                enqueue(p.run());
            } else {
                p.settled().onComplete(ar -> {
                    if (ar.failed()) LOG.log(Level.WARNING, "recording lead " + lead.leadId() + " failed", ar.cause());
                    released();
                });
            }
        }
    }

    private void enqueue(LeadRun run) {
        Lane lane = lanes.computeIfAbsent(run.laneKey, Lane::new);
        lane.runs.add(run);
        if (!lane.busy) schedule(lane);
    }

    private void schedule(Lane lane) {
        lane.busy = true;
        LeadRun head = lane.runs.peek();
        Instant now = clock.instant();
        if (head.waitUntil != null && head.waitUntil.isAfter(now)) {
            long ms = Math.max(1, Duration.between(now, head.waitUntil).toMillis());
            lane.timer = vertx.setTimer(ms, id -> {
                lane.timer = -1;
                head.waitUntil = null;
                if (head.parkedSince != null) requestPermit(lane);   // parked behind a circuit: nothing was written
                else ledger.resume(head.id()).onComplete(ar -> requestPermit(lane));
            });
            return;
        }
        head.waitUntil = null;
        requestPermit(lane);
    }

    private static final class AccountSlots {
        final int cap;
        int active;
        final ArrayDeque<Lane> waiting = new ArrayDeque<>();

        AccountSlots(int cap) {
            this.cap = cap;
        }
    }

    private AccountSlots slots(Lane lane) {
        LeadRun head = lane.runs.peek();
        String key = StepRunner.accountKey(head);
        return accounts.computeIfAbsent(key, k -> new AccountSlots(parts.steps().accountCap(head, options.maxActivePerAccount())));
    }

    private void requestPermit(Lane lane) {
        if (stopping) return;
        AccountSlots account = slots(lane);
        if (account.active >= account.cap) {
            account.waiting.add(lane);     // a started lead of this account finishes first
        } else if (active < options.maxActive()) {
            start(lane, account);
        } else {
            waitingForPermit.add(lane);
        }
    }

    private void start(Lane lane, AccountSlots account) {
        active++;
        account.active++;
        runHead(lane, account);
    }

    private void runHead(Lane lane, AccountSlots account) {
        LeadRun head = lane.runs.peek();
        Future<StepResult> step;
        try {
            step = parts.steps().step(head);
        } catch (RuntimeException e) {
            step = Future.failedFuture(e);
        }
        step.onComplete(ar -> {
            active--;
            account.active--;
            if (ar.failed()) {
                if (!stopping) LOG.log(Level.WARNING, "lead " + head.id() + " step failed; retrying in 1 s", ar.cause());
                head.waitUntil = clock.instant().plusSeconds(1);
            } else if (ar.result().finished()) {
                lane.runs.poll();
                released();
            } else {
                head.waitUntil = ar.result().until();
            }
            nextWaitingLane(account);
            if (lane.runs.isEmpty()) {
                lane.busy = false;
                lanes.remove(lane.key);
            } else if (!stopping) {
                schedule(lane);
            }
            if (stopping && active == 0 && idle != null) idle.tryComplete();
        });
    }

    /** A step of {@code freed}'s account ended: that account's next lane first, then the next lane of any account with room. */
    private void nextWaitingLane(AccountSlots freed) {
        if (stopping) return;
        if (!freed.waiting.isEmpty() && freed.active < freed.cap) {
            if (active < options.maxActive()) start(freed.waiting.poll(), freed);
            else waitingForPermit.add(freed.waiting.poll());
        }
        while (active < options.maxActive() && !waitingForPermit.isEmpty()) {
            Lane next = waitingForPermit.poll();
            AccountSlots account = slots(next);
            if (account.active < account.cap) start(next, account);
            else account.waiting.add(next);
        }
    }

    private void released() {
        inFlight--;
        if (!stopping && inFlight < options.maxInFlight() / 2) poll();
    }

    /** Claims nothing more; completes when no step is running or after {@code timeout}. */
    Future<Void> drain(Duration timeout) {
        stopping = true;
        unsubscribe.run();
        if (pollTimer >= 0) vertx.cancelTimer(pollTimer);
        for (Lane lane : lanes.values()) if (lane.timer >= 0) vertx.cancelTimer(lane.timer);
        idle = Promise.promise();
        if (active == 0) idle.tryComplete();
        long t = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
            if (active > 0) LOG.warning(active + " lead steps still running at stop; they resume at the next start");
            idle.tryComplete();
        });
        return idle.future().andThen(ar -> vertx.cancelTimer(t));
    }
}
