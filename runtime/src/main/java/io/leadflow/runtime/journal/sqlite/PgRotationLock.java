package io.leadflow.runtime.journal.sqlite;

import io.leadflow.dsl.ManagerState;
import io.leadflow.runtime.journal.Ledger;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rotation decisions across nodes, one at a time: a session advisory lock ({@code pg_advisory_lock})
 * on a connection of its own, then the committed {@code manager_state} read on it. The holder decides
 * with that state and commits the decision (with the new state) through the writer, then exits. Within
 * this node the lock is taken by one decision at a time too (an advisory lock is re-entrant for its
 * session). A node killed while holding it loses its session, and with it the lock.
 */
final class PgRotationLock implements Ledger.RotationLock {
    private static final Logger LOG = Logger.getLogger(PgRotationLock.class.getName());
    /** The advisory lock's key: "lf-rot" in ASCII, so no other user of advisory locks is likely to pick it. */
    static final long KEY = 0x6c662d726f74L;

    private final ClusterLeases.Connector connector;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "leadflow-rotation-lock");
        t.setDaemon(true);
        return t;
    });
    private final ArrayDeque<Promise<ManagerState>> waiting = new ArrayDeque<>();
    private boolean busy;
    private Connection connection;

    PgRotationLock(ClusterLeases.Connector connector) {
        this.connector = connector;
    }

    @Override
    public Future<ManagerState> enter() {
        Promise<ManagerState> p = Promise.promise();
        Context ctx = Vertx.currentContext();
        Promise<ManagerState> onCtx = Promise.promise();
        onCtx.future().onComplete(ar -> {
            if (ctx != null) ctx.runOnContext(v -> p.handle(ar));
            else p.handle(ar);
        });
        boolean now;
        synchronized (this) {
            now = !busy;
            if (now) busy = true;
            else waiting.add(onCtx);
        }
        if (now) lock(onCtx);
        return p.future();
    }

    private void lock(Promise<ManagerState> p) {
        thread.execute(() -> {
            try {
                if (connection == null || connection.isClosed()) connection = connector.open();
                try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    ps.setLong(1, KEY);
                    ps.execute();
                }
                p.complete(Reads.managers(connection));
            } catch (SQLException | RuntimeException e) {
                drop();
                p.fail(e);
                next();
            }
        });
    }

    @Override
    public void exit() {
        thread.execute(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, KEY);
                ps.execute();
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "could not release the rotation lock; dropping its connection releases it", e);
                drop();
            }
            next();
        });
    }

    private void next() {
        Promise<ManagerState> p;
        synchronized (this) {
            p = waiting.poll();
            if (p == null) busy = false;
        }
        if (p != null) lock(p);
    }

    private void drop() {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // broken already
        }
        connection = null;
    }

    void close() {
        thread.execute(this::drop);
        thread.shutdown();
    }
}
