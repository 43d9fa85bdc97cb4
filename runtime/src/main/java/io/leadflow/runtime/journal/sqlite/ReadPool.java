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
        this.all = List.copyOf(connections);
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
        this.workers = vertx.createSharedWorkerExecutor("leadflow-journal-read-" + System.identityHashCode(this), connections.size());
    }

    <T> Future<T> read(Writer.Op<T> op) {
        return workers.executeBlocking(() -> {
            Connection c = idle.take();
            try {
                return op.run(c);
            } finally {
                idle.add(c);
            }
        }, false);
    }

    void close() {
        workers.close();
        for (Connection c : all) {
            Sql.forget(c);
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at shutdown; nothing left to protect
            }
        }
    }
}
