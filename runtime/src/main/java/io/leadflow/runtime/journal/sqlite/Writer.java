package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.JournalClosedException;
import io.leadflow.runtime.journal.JournalOverloadedException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one writer: a dedicated thread takes everything queued (up to {@code maxBatch}), runs it
 * in one transaction (a savepoint per write, so one bad write fails alone), commits once (one
 * fsync with synchronous=FULL), and only then completes the writers' futures. Batches form by
 * themselves: whatever arrives while a commit is syncing goes in the next one.
 */
final class Writer {
    private static final Logger LOG = Logger.getLogger(Writer.class.getName());

    /** One unit of work run on the writer connection inside the batch transaction. */
    @FunctionalInterface
    interface Op<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * What a write is: appends are refused when the queue is full; appends and replays wake the
     * executor; only LEDGER writes (the executor's) and ROUTE writes (a shared journal's coordinator
     * handing leads to partitions; they wake the executors too) are fenced. STORE: a node's own
     * bookkeeping any node may write (rule texts).
     */
    enum Kind {
        APPEND(true, true, false), REPLAY(false, true, false), LEDGER(false, false, true), ROUTE(false, true, true),
        STORE(false, false, false);

        final boolean bounded;
        final boolean wakes;
        final boolean fenced;

        Kind(boolean bounded, boolean wakes, boolean fenced) {
            this.bounded = bounded;
            this.wakes = wakes;
            this.fenced = fenced;
        }
    }

    private record Task(Op<?> op, Kind kind, Promise<Object> promise, Context context) { }

    /**
     * Checked once per batch that holds executor writes, inside the batch's transaction, before
     * them: a node that no longer holds a lease it acted on gets its executor and routing writes refused
     * (appends still commit). Null: no check (one process owns the store).
     */
    @FunctionalInterface
    interface Fence {
        void check(Connection c) throws SQLException;
    }

    /** Opens a replacement for a connection the server dropped (PostgreSQL restarted, network cut); null: none. */
    @FunctionalInterface
    interface Reopen {
        Connection open() throws SQLException;
    }

    private Connection connection;
    private Reopen reopen;
    private final JournalOptions options;
    private final Dialect dialect;
    private final Fence fence;
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final Promise<Void> stopped = Promise.promise();
    private long changesAtCommit;
    private volatile boolean closing;
    private volatile boolean finished;
    private volatile boolean failed;
    private volatile Runnable afterCommit = () -> { };

    Writer(Connection connection, JournalOptions options) {
        this(connection, options, Dialect.SQLITE, null);
    }

    Writer(Connection connection, JournalOptions options, Dialect dialect, Fence fence) {
        this.connection = connection;
        this.options = options;
        this.dialect = dialect;
        this.fence = fence;
        this.thread = new Thread(this::loop, "leadflow-journal-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Before {@link #start}: a broken connection is replaced after the batch that found it broken. */
    void reconnectWith(Reopen r) {
        this.reopen = r;
    }

    /** Queues a write; refuses an append when the queue is at capacity. */
    @SuppressWarnings("unchecked")
    <T> Future<T> submit(Op<T> op, Kind kind) {
        if (closing) return Future.failedFuture(new JournalClosedException());
        if (kind.bounded && queue.size() >= options.queueCapacity()) {
            return Future.failedFuture(new JournalOverloadedException(options.queueCapacity(), Duration.ofSeconds(1)));
        }
        Promise<Object> p = Promise.promise();
        queue.add(new Task(op, kind, p, Vertx.currentContext()));
        if (finished) failRemaining();   // lost the race with close(): never leave a caller waiting
        return (Future<T>) p.future();
    }

    int depth() {
        return queue.size();
    }

    long commits() {
        return commits.get();
    }

    long rows() {
        return rows.get();
    }

    boolean healthy() {
        return !failed && !closing && thread.isAlive();
    }

    /** Runs after a commit that stored appends or replays, before the batch's futures complete. */
    void afterCommit(Runnable hook) {
        this.afterCommit = hook;
    }

    /** Drains the queue, checkpoints, closes the connection. */
    Future<Void> close() {
        closing = true;
        thread.interrupt();
        return stopped.future();
    }

    private void loop() {
        long lastChanges = 0;
        long lastWrite = System.nanoTime();
        boolean checkpointed = true;
        long idleNanos = options.checkpointIdle().toNanos();
        try {
            connection.setAutoCommit(false);
            while (!closing || !queue.isEmpty()) {
                Task first = closing ? queue.poll() : queue.poll(options.checkpointIdle().toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Task> batch = new ArrayList<>(Math.min(options.maxBatch(), queue.size() + 1));
                    batch.add(first);
                    queue.drainTo(batch, options.maxBatch() - 1);
                    runBatch(batch);
                    long changes = changesAtCommit;
                    if (changes != lastChanges) {
                        lastChanges = changes;
                        lastWrite = System.nanoTime();
                        checkpointed = false;
                    }
                }
                // "idle" means no batch changed a row (the executor's empty claims do not count)
                if (!checkpointed && System.nanoTime() - lastWrite >= idleNanos) {
                    checkpoint();
                    checkpointed = true;
                }
            }
        } catch (InterruptedException e) {
            if (!closing) failed = true;
            // closing: fall through and drain what is left
            drainOnClose();
        } catch (SQLException e) {
            failed = true;
            LOG.log(Level.SEVERE, "journal writer cannot start", e);
        } catch (Error e) {
            // Out of memory (or worse) in the one writer: nothing more can be stored; end the process.
            failed = true;
            io.leadflow.runtime.lifecycle.FatalErrors.report("the journal writer", e);
            throw e;
        } finally {
            finish();
        }
    }

    private void drainOnClose() {
        List<Task> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int i = 0; i < rest.size(); i += options.maxBatch()) {
            runBatch(rest.subList(i, Math.min(rest.size(), i + options.maxBatch())));
        }
    }

    private void finish() {
        try {
            if (!failed) checkpoint();
            Sql.forget(connection);
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "closing the journal writer", e);
        }
        finished = true;
        failRemaining();
        stopped.tryComplete();
    }

    private void failRemaining() {
        List<Task> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (Task t : rest) complete(t, null, new JournalClosedException());
    }

    private void runBatch(List<Task> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] errors = new Throwable[batch.size()];
        try {
            Throwable fenced = fence(batch);
            for (int i = 0; i < batch.size(); i++) {
                if (fenced != null && batch.get(i).kind().fenced) {
                    errors[i] = fenced;
                    continue;
                }
                Sql.prepare(connection, "SAVEPOINT op").execute();
                try {
                    results[i] = batch.get(i).op().run(connection);
                    Sql.prepare(connection, "RELEASE op").execute();
                } catch (SQLException | RuntimeException e) {
                    Sql.prepare(connection, "ROLLBACK TO op").execute();
                    Sql.prepare(connection, "RELEASE op").execute();
                    errors[i] = e;
                }
            }
            changesAtCommit = dialect.changes(connection);
            connection.commit();
            commits.incrementAndGet();
            rows.addAndGet(batch.size());
            failed = false;
        } catch (SQLException e) {
            failed = true;
            LOG.log(Level.SEVERE, "journal commit failed; " + batch.size() + " writes not stored", e);
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is already broken; the commit error is what matters
            }
            for (Task t : batch) complete(t, null, new SQLException("journal commit failed: " + e.getMessage(), e));
            reconnectIfBroken();
            return;
        }
        if (batch.stream().anyMatch(t -> t.kind().wakes)) afterCommit.run();
        completeAll(batch, results, errors);
    }

    /**
     * One hop per caller context for the whole batch, in batch order: a hop per write woke the
     * same event loop (an eventfd write) dozens of times per commit.
     */
    private static void completeAll(List<Task> batch, Object[] results, Throwable[] errors) {
        Map<Context, List<Runnable>> byContext = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Task t = batch.get(i);
            Runnable r = completion(t, results[i], errors[i]);
            if (t.context() == null) r.run();
            else byContext.computeIfAbsent(t.context(), k -> new ArrayList<>()).add(r);
        }
        byContext.forEach((ctx, rs) -> ctx.runOnContext(v -> {
            for (Runnable r : rs) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a journal write's completion handler failed", e);
                }
            }
        }));
    }

    /**
     * After a failed batch: when the connection is gone and a {@link Reopen} is set, a new one takes
     * its place (the failed batch's callers were told; the next batch runs on the new connection).
     */
    private void reconnectIfBroken() {
        if (reopen == null) return;
        try {
            if (connection.isValid(2)) return;
        } catch (SQLException ignored) {
            // treat as broken
        }
        try {
            Connection fresh = reopen.open();
            fresh.setAutoCommit(false);
            Sql.forget(connection);
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is broken; nothing to close cleanly
            }
            connection = fresh;
            LOG.warning("journal writer: the database connection was lost; reconnected");
        } catch (SQLException e) {
            LOG.warning("journal writer: the database connection was lost and cannot be reopened yet (" + e.getMessage()
                    + "); trying again after the next failed write");
        }
    }

    /** Null when the batch may run all its writes; else why its executor writes are refused. */
    private Throwable fence(List<Task> batch) throws SQLException {
        if (fence == null || batch.stream().noneMatch(t -> t.kind().fenced)) return null;
        Sql.prepare(connection, "SAVEPOINT fence").execute();
        try {
            fence.check(connection);
            Sql.prepare(connection, "RELEASE fence").execute();
            return null;
        } catch (SQLException | RuntimeException e) {
            Sql.prepare(connection, "ROLLBACK TO fence").execute();
            Sql.prepare(connection, "RELEASE fence").execute();
            return e;
        }
    }

    private void checkpoint() {
        dialect.checkpoint(connection);
    }

    private static void complete(Task t, Object result, Throwable error) {
        Runnable r = completion(t, result, error);
        if (t.context() != null) t.context().runOnContext(v -> r.run());
        else r.run();
    }

    private static Runnable completion(Task t, Object result, Throwable error) {
        return error == null ? () -> t.promise().tryComplete(result) : () -> t.promise().tryFail(error);
    }
}
