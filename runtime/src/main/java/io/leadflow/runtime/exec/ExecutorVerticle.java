package io.leadflow.runtime.exec;

import io.leadflow.runtime.journal.Ledger;
import io.leadflow.runtime.journal.sqlite.ClusterLeases;
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
                if (stopping) return;
                ClusterLeases.NotLeaseHolderException fenced = fencedBy(ar.cause());
                if (fenced != null) {
                    // a node joined or left and the partitions moved under this claim: expected, not a fault
                    LOG.info("claim fenced, retried with the partitions now held: " + fenced.getMessage());
                } else {
                    LOG.log(Level.WARNING, "claiming leads failed; will retry", ar.cause());
                }
                return;
            }
            accept(ar.result());
            if (ar.result().size() == room || pollAgain) {
                pollAgain = false;
                poll();
            }
        });
    }

    /** The lease fence in a failure's cause chain, if that is what failed the claim. */
    static ClusterLeases.NotLeaseHolderException fencedBy(Throwable t) {
        for (int depth = 0; t != null && depth < 8; t = t.getCause(), depth++) {
            if (t instanceof ClusterLeases.NotLeaseHolderException n) return n;
        }
        return null;
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
        final String key;
        final int cap;
        int active;
        final ArrayDeque<Lane> waiting = new ArrayDeque<>();
        /**
         * Lanes whose head was not run because the account's circuit is open, in the order they
         * were parked. They hold no timer of their own: one timer per account ({@link #parkTimer})
         * lets one of them ask again when the next probe may go, and when the circuit closes they
         * all go back to {@link #waiting}, from where the account's cap starts them a few at a time.
         */
        final ArrayDeque<Lane> parked = new ArrayDeque<>();
        long parkTimer = -1;
        Instant parkTimerAt;

        AccountSlots(String key, int cap) {
            this.key = key;
            this.cap = cap;
        }
    }

    private AccountSlots slots(Lane lane) {
        LeadRun head = lane.runs.peek();
        String key = StepRunner.accountKey(head);
        return accounts.computeIfAbsent(key, k -> new AccountSlots(k, parts.steps().accountCap(head, options.maxActivePerAccount())));
    }

    /** Parks a lane behind its account's open circuit and makes sure one timer will let a lane ask again at {@code nextProbe}. */
    private void park(Lane lane, AccountSlots account, Instant nextProbe) {
        account.parked.add(lane);
        armParkTimer(account, nextProbe);
    }

    private void armParkTimer(AccountSlots account, Instant at) {
        if (stopping || account.parked.isEmpty()) return;
        if (account.parkTimer >= 0) {
            if (!account.parkTimerAt.isAfter(at)) return;
            vertx.cancelTimer(account.parkTimer);
        }
        long ms = Math.max(1, Duration.between(clock.instant(), at).toMillis());
        account.parkTimerAt = at;
        account.parkTimer = vertx.setTimer(ms, id -> {
            account.parkTimer = -1;
            if (stopping || account.parked.isEmpty()) return;
            if (!parts.steps().circuitOpen(account.key)) {
                releaseParked(account);
            } else {
                requestPermit(account.parked.poll());   // one lane asks: the probe when its time has come, else parked again
            }
        });
    }

    /** The account's circuit closed: its parked lanes queue for the account's slots, in the order they were parked. */
    private void releaseParked(AccountSlots account) {
        if (account.parkTimer >= 0) vertx.cancelTimer(account.parkTimer);
        account.parkTimer = -1;
        int n = account.parked.size();
        if (n > 0) LOG.info(() -> "circuit " + account.key + " closed: " + n + " parked leads resume, at most " + account.cap + " at a time");
        while (!account.parked.isEmpty() && !stopping) requestPermit(account.parked.poll());
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
        // A step that ended at once (a lead parked behind an open circuit) is handled as a task of
        // its own, never inside the call that started it: its end starts the account's next lane,
        // whose step may end at once too, and so on; nested, thousands of queued lanes overflowed
        // the event loop's stack (leads left RUNNING, Netty's timer queue broken mid-update).
        if (step.isComplete()) {
            Future<StepResult> ended = step;
            context.runOnContext(v -> stepEnded(lane, account, head, ended));
        } else {
            step.onComplete(ar -> stepEnded(lane, account, head, ar));
        }
    }

    /**
     * Where a step's end is handled. An error thrown half-way would leave the lane busy with
     * nobody to resume it; a listener of a context-less future (most here are) has its errors
     * swallowed by Vert.x, so a fatal one is handed to {@link io.leadflow.runtime.lifecycle.FatalErrors} here.
     */
    private void stepEnded(Lane lane, AccountSlots account, LeadRun head, io.vertx.core.AsyncResult<StepResult> ar) {
        try {
            endStep(lane, account, head, ar);
        } catch (VirtualMachineError | LinkageError e) {
            io.leadflow.runtime.lifecycle.FatalErrors.report("the executor", e);
            throw e;
        }
    }

    private void endStep(Lane lane, AccountSlots account, LeadRun head, io.vertx.core.AsyncResult<StepResult> ar) {
        active--;
        account.active--;
        boolean parked = false;
        if (ar.failed()) {
            if (!stopping) LOG.log(Level.WARNING, "lead " + head.id() + " step failed; retrying in 1 s", ar.cause());
            head.waitUntil = clock.instant().plusSeconds(1);
        } else if (ar.result().parked()) {
            parked = true;
        } else if (ar.result().finished()) {
            lane.runs.poll();
            released();
        } else {
            head.waitUntil = ar.result().until();
        }
        if (parked) {
            if (!stopping) park(lane, account, ar.result().until());
        } else if (!account.parked.isEmpty() && !stopping) {
            // a lead of the account ran a step: the probe, or one admitted before the circuit opened
            if (parts.steps().circuitOpen(account.key)) armParkTimer(account, parts.steps().nextProbeAt(account.key));
            else releaseParked(account);
        }
        nextWaitingLane(account);
        if (parked) {
            // stays busy: it is in account.parked
        } else if (lane.runs.isEmpty()) {
            lane.busy = false;
            lanes.remove(lane.key);
        } else if (!stopping) {
            schedule(lane);
        }
        if (stopping && active == 0 && idle != null) idle.tryComplete();
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

    /** For diagnosis: where each given lead is held (runs on this context). */
    String describe(java.util.Collection<String> leadIds) {
        StringBuilder out = new StringBuilder("inFlight=" + inFlight + " active=" + active + " lanes=" + lanes.size()
                + " waitingForPermit=" + waitingForPermit.size());
        accounts.forEach((k, a) -> out.append(" account ").append(k).append(" active=").append(a.active).append(" cap=").append(a.cap)
                .append(" waiting=").append(a.waiting.size()).append(" parked=").append(a.parked.size()).append(" parkTimer=").append(a.parkTimer));
        for (Lane lane : lanes.values()) {
            for (LeadRun r : lane.runs) {
                if (!leadIds.contains(r.id())) continue;
                out.append("\n  lead ").append(r.id()).append(" lane=").append(lane.key).append(" head=").append(lane.runs.peek() == r)
                        .append(" busy=").append(lane.busy).append(" timer=").append(lane.timer).append(" waitUntil=").append(r.waitUntil)
                        .append(" parkedSince=").append(r.parkedSince).append(" inWaitingForPermit=").append(waitingForPermit.contains(lane))
                        .append(" inAccountWaiting=").append(accounts.values().stream().anyMatch(a -> a.waiting.contains(lane)))
                        .append(" inAccountParked=").append(accounts.values().stream().anyMatch(a -> a.parked.contains(lane)))
                        .append(" effects=").append(r.effects == null ? null : r.effects.stream().map(e -> e.state().name()).toList())
                        .append(" pending=").append(r.pending != null);
            }
        }
        return out.toString();
    }

    /** Claims nothing more; completes when no step is running or after {@code timeout}. */
    Future<Void> drain(Duration timeout) {
        stopping = true;
        unsubscribe.run();
        if (pollTimer >= 0) vertx.cancelTimer(pollTimer);
        for (Lane lane : lanes.values()) if (lane.timer >= 0) vertx.cancelTimer(lane.timer);
        for (AccountSlots a : accounts.values()) if (a.parkTimer >= 0) vertx.cancelTimer(a.parkTimer);
        idle = Promise.promise();
        if (active == 0) idle.tryComplete();
        long t = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
            if (active > 0) LOG.warning(active + " lead steps still running at stop; they resume at the next start");
            idle.tryComplete();
        });
        return idle.future().andThen(ar -> vertx.cancelTimer(t));
    }
}
