package io.leadflow.runtime.pull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.source.PullBatch;
import io.leadflow.dsl.Flow;
import io.leadflow.runtime.journal.CursorMovedException;
import io.leadflow.runtime.journal.IncomingLead;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.PulledBatch;
import io.leadflow.runtime.journal.SourceCursor;
import io.leadflow.runtime.security.Masking;
import io.leadflow.spi.error.RetryableException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads one flow's pulled source: cursor from the journal → {@code connector.pull(cursor)} → the
 * read's leads and the new cursor committed together ({@link Journal#appendPulled}) → again at
 * once while the source says {@code more}, else after the poll interval. A failed read or commit
 * stores nothing and is retried after a backoff (1 s, doubling, at most the flow's {@code max_backoff}, 5 minutes unless given; a longer
 * {@code Retry-After} of the system wins); the connector's own token bucket keeps the reads
 * within the system's rate limit. One read at a time; the cursor is re-read from the journal
 * before every read, so a restart (or a kill -9) continues from the last commit.
 */
final class Poller {
    private static final Logger LOG = Logger.getLogger(Poller.class.getName());
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final Vertx vertx;
    private final Journal journal;
    private final Supplier<Future<CrmConnector>> connector;
    private final Clock clock;
    private volatile PullSpec spec;
    private volatile Flow flow;
    private volatile boolean stopped;
    private volatile long timer = -1;
    private volatile String state = "starting";
    private volatile Instant lastPoll;
    private volatile Instant caughtUpAt;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant nextPoll;
    private volatile long leads;
    private volatile int failures;

    Poller(Vertx vertx, Journal journal, PullSpec spec, Flow flow, Supplier<Future<CrmConnector>> connector, Clock clock) {
        this.vertx = vertx;
        this.journal = journal;
        this.spec = spec;
        this.flow = flow;
        this.connector = connector;
        this.clock = clock;
    }

    void start() {
        vertx.runOnContext(v -> step());
    }

    /** A reload: the same cursor key with a new compiled flow (its event id, poll interval). */
    void update(PullSpec spec, Flow flow) {
        this.spec = spec;
        this.flow = flow;
    }

    void stop() {
        stopped = true;
        state = "stopped";
        if (timer >= 0) vertx.cancelTimer(timer);
    }

    SourceStatus status() {
        return new SourceStatus(spec, state, lastPoll, caughtUpAt, lastError, lastErrorAt, nextPoll, leads, failures);
    }

    private void step() {
        if (stopped) return;
        state = "reading";
        PullSpec s = spec;
        journal.cursor(s.key()).compose(c -> {
            String from = c.map(SourceCursor::position).orElse(null);
            return connector.get().compose(conn -> conn.pull(from)).compose(batch -> commit(s, from, batch));
        }).onComplete(ar -> {
            if (stopped) return;
            lastPoll = clock.instant();
            if (ar.succeeded()) {
                failures = 0;
                lastError = null;
                if (!ar.result()) caughtUpAt = lastPoll;
                schedule(ar.result() ? Duration.ZERO : spec.poll(), ar.result() ? "reading" : "waiting");
            } else if (ar.cause() instanceof CursorMovedException moved) {
                LOG.info("pull source " + s.key() + ": " + moved.getMessage() + "; reading again from the stored cursor");
                schedule(Duration.ZERO, "reading");
            } else {
                failures++;
                lastError = Masking.text(String.valueOf(ar.cause().getMessage()));
                lastErrorAt = lastPoll;
                Duration wait = backoff(failures, ar.cause(), s.maxBackoff());
                LOG.log(Level.WARNING, "pull source " + s.key() + " failed (" + failures + " in a row), next read in "
                        + wait.toSeconds() + " s: " + lastError);
                schedule(wait, "backing off");
            }
        });
    }

    /** 1 s, 2 s, 4 s … at most 5 minutes; a longer Retry-After wins. */
    static Duration backoff(int failures, Throwable cause) {
        return backoff(failures, cause, MAX_BACKOFF);
    }

    /** 1 s, 2 s, 4 s … at most {@code max} (at least 1 s); a longer Retry-After wins. */
    static Duration backoff(int failures, Throwable cause, Duration max) {
        long seconds = FIRST_BACKOFF.toSeconds() << Math.min(failures - 1, 16);
        Duration d = Duration.ofSeconds(Math.min(seconds, Math.max(FIRST_BACKOFF.toSeconds(), max.toSeconds())));
        if (cause instanceof RetryableException r && r.retryAfter() != null && r.retryAfter().compareTo(d) > 0) d = r.retryAfter();
        return d;
    }

    /** Commits the read; the answer says whether the source holds more right now. */
    private Future<Boolean> commit(PullSpec s, String from, PullBatch batch) {
        Flow f = flow;
        Instant now = clock.instant();
        List<IncomingLead> out = new ArrayList<>(batch.records().size());
        for (ObjectNode record : batch.records()) {
            String eventId;
            try {
                eventId = f.eventId(record, clock).orElse(null);
            } catch (RuntimeException e) {
                eventId = null; // as at the intake: a key the lead cannot give dedupes nothing; the run reports the lead's errors
            }
            out.add(new IncomingLead(f.name(), s.slug(), eventId, null, record.toString().getBytes(StandardCharsets.UTF_8),
                    "application/json", Map.of("x-leadflow-pulled", s.system() + "." + s.kind() + "@" + s.account()), now,
                    f.dedupeWindow().isZero() ? null : f.dedupeWindow()));
        }
        if (batch.cursor() == null) return Future.failedFuture(new IllegalStateException(s.system() + " answered a read without a cursor"));
        if (out.isEmpty() && batch.cursor().equals(from)) return Future.succeededFuture(batch.more());
        return journal.appendPulled(new PulledBatch(s.key(), from, batch.cursor(), out)).map(accepted -> {
            leads += accepted.size();
            return batch.more();
        });
    }

    private void schedule(Duration wait, String next) {
        if (stopped) return;
        state = next;
        nextPoll = clock.instant().plus(wait);
        if (wait.isZero()) {
            timer = -1;
            vertx.runOnContext(v -> step());
        } else {
            timer = vertx.setTimer(Math.max(1, wait.toMillis()), t -> step());
        }
    }
}
