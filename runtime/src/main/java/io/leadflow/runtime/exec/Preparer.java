package io.leadflow.runtime.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.body.BodyRefusal;
import io.leadflow.runtime.body.LeadBodyParser;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.Ledger;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The part of a run that needs no lane: pick the rules (pinned for an ORIGINAL replay, else the
 * current ones, kept for the whole run), honour the flow's delay (L10), parse the body and
 * evaluate the filters. What comes out either needs its contact lane or was settled here.
 */
final class Preparer {
    /** A run ready for its lane ({@code run} set), or a lead settled off-lane ({@code settled} set). */
    record Prepared(LeadRun run, Future<?> settled) { }

    /** The edge's parser with the edge's (fixed) body limits: a stored lead reads as it was checked. */
    private static final LeadBodyParser BODIES = new LeadBodyParser(Limits.DEFAULTS);

    private final ProgramSource programs;
    private final Ledger ledger;
    private final Clock clock;
    private final Decider decider;
    private final StoredRules stored;

    private final EvaluationMarks marks;

    /** @param stored where ORIGINAL replays find versions not in memory; null when rule texts are not stored */
    Preparer(ProgramSource programs, Ledger ledger, Clock clock, Decider decider, StoredRules stored, EvaluationMarks marks) {
        this.marks = marks;
        this.stored = stored;
        this.programs = programs;
        this.ledger = ledger;
        this.clock = clock;
        this.decider = decider;
    }

    Prepared prepare(Ledger.ClaimedLead lead) {
        LeadRun run = new LeadRun(lead);
        if (run.decided) {
            if (run.laneKey == null) run.laneKey = "lead:" + run.id();
            return new Prepared(run, null);
        }
        Program program;
        if (lead.pinnedRule() != null) {
            Optional<Program> pinned = programs.byHash(lead.pinnedRule());
            if (pinned.isEmpty() && stored != null) return restore(run, lead.pinnedRule());
            if (pinned.isEmpty()) {
                return dead(run, "rule version " + lead.pinnedRule() + " is not loaded, so the original rules cannot be "
                        + "replayed; replay with the current rules");
            }
            program = pinned.get();
        } else {
            program = programs.current();
            if (program == null) return settled(ledger.defer(run.id(), clock.instant().plusSeconds(1)));
        }
        run.ruleVersion = program.contentHash();
        Optional<Flow> flow = program.flow(lead.flow());
        if (flow.isEmpty()) return dead(run, "flow '" + lead.flow() + "' is not in the rules (version " + run.ruleVersion + ")");
        Instant due = lead.receivedAt().plus(flow.get().delay() == null ? Duration.ZERO : flow.get().delay());
        if (lead.run() == 1 && due.isAfter(clock.instant())) return settled(ledger.defer(run.id(), due));
        int crashes = marks.crashes(run.markKey());
        if (crashes >= EvaluationMarks.QUARANTINE_AFTER) {
            return dead(run, "quarantined: the process ended " + crashes + " times while evaluating the rules of flow '"
                    + flow.get().name() + "' for this lead; this run is not evaluated again (a replay, once the rules are fixed, is a new run)");
        }
        return evaluate(run, flow.get());
    }

    private Prepared evaluate(LeadRun run, Flow flow) {
        run.flow = flow;
        run.connector = flow.connector();
        run.account = flow.account();
        run.marker = flow.marker();
        JsonNode body;
        try {
            body = BODIES.parse(LeadBodyParser.mediaType(run.lead.contentType()), run.lead.body());
        } catch (BodyRefusal e) {
            return dead(run, "the stored body cannot be read as a lead: " + e.getMessage());
        }
        Evaluation evaluation;
        try {
            JsonNode parsed = body;
            evaluation = marks.during(run.markKey(), () -> flow.evaluate(parsed, clock));
        } catch (RuntimeException e) {
            return dead(run, RuleFailure.reason(e, flow.name()));
        } catch (OutOfMemoryError | StackOverflowError e) {
            // This lead's evaluation exhausted the heap or stack (its garbage is gone now): a dead letter, not a crash loop.
            return dead(run, RuleFailure.exhausted(e, flow.name()));
        }
        run.evaluation = evaluation;
        if (evaluation.dropReason().isPresent()) {
            return settled(decider.finalRecord(run, evaluation.trace(), LeadStatus.DROPPED, evaluation.dropReason().get()));
        }
        run.laneKey = flow.connector() + "/" + flow.account() + "|" + evaluation.contactKey();
        return new Prepared(run, null);
    }

    /** Recompiles the pinned version from the journal, then puts the lead back to be claimed again (it is then in memory). */
    private Prepared restore(LeadRun run, String hash) {
        return settled(stored.restore(hash).compose(p -> ledger.defer(run.id(), clock.instant()))
                .recover(e -> decider.finalRecord(run, null, LeadStatus.DEAD, "the original rules (version " + hash
                        + ") cannot be replayed: " + e.getMessage() + "; replay with the current rules").mapEmpty()));
    }

    private Prepared dead(LeadRun run, String reason) {
        return settled(decider.finalRecord(run, null, LeadStatus.DEAD, reason));
    }

    private static Prepared settled(Future<?> f) {
        return new Prepared(null, f);
    }
}
