package io.leadflow.runtime.journal.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** Read connections used on a worker pool of the same size, so a query never runs on an event loop. */
final class ReadPool {
    private final BlockingQueue<Connection> idle;
    private final WorkerExecutor workers;
    private final List<Connection> all;

    ReadPool(Vertx vertx, List<Connection> connections) {
        this.all = new java.util.ArrayList<>(connections);
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
        this.workers = vertx.createSharedWorkerExecutor("leadflow-journal-read-" + System.identityHashCode(this), connections.size());
    }

    private volatile Writer.Reopen reopen;

    /** A read connection the server dropped is replaced by a new one after the read that found it broken. */
    void reconnectWith(Writer.Reopen r) {
        this.reopen = r;
    }

    <T> Future<T> read(Writer.Op<T> op) {
        return workers.executeBlocking(() -> {
            Connection c = idle.take();
            try {
                return op.run(c);
            } catch (SQLException e) {
                c = replaceIfBroken(c);
                throw e;
            } finally {
                idle.add(c);
            }
        }, false);
    }

    private Connection replaceIfBroken(Connection c) {
        Writer.Reopen r = reopen;
        if (r == null) return c;
        try {
            if (c.isValid(2)) return c;
        } catch (SQLException ignored) {
            // treat as broken
        }
        try {
            Connection fresh = r.open();
            Sql.forget(c);
            try {
                c.close();
            } catch (SQLException ignored) {
                // broken already
            }
            synchronized (all) {
                all.remove(c);
                all.add(fresh);
            }
            return fresh;
        } catch (SQLException e) {
            return c;
        }
    }

    void close() {
        workers.close();
        List<Connection> open;
        synchronized (all) {
            open = List.copyOf(all);
        }
        for (Connection c : open) {
            Sql.forget(c);
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at shutdown; nothing left to protect
            }
        }
    }
}
