package io.leadflow.runtime.journal.sqlite;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per connection and per SQL text, so the writer does not re-compile
 * the same few statements thousands of times a second. What {@link #prepare} returns may be
 * used in try-with-resources: its {@code close()} only clears parameters and batch. Each
 * connection is used by one thread at a time (the writer, or one reader from the pool).
 */
final class Sql {
    private static final Map<Connection, Map<String, PreparedStatement>> CACHE = new WeakHashMap<>();

    private Sql() { }

    static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        Map<String, PreparedStatement> mine;
        synchronized (CACHE) {
            mine = CACHE.computeIfAbsent(c, k -> new HashMap<>());
        }
        PreparedStatement ps = mine.get(sql);
        if (ps == null) {
            ps = reusable(c.prepareStatement(sql));
            mine.put(sql, ps);
        }
        return ps;
    }

    /** Closes every cached statement of a connection before the connection itself is closed. */
    static void forget(Connection c) {
        Map<String, PreparedStatement> mine;
        synchronized (CACHE) {
            mine = CACHE.remove(c);
        }
        if (mine == null) return;
        for (PreparedStatement ps : mine.values()) {
            try {
                ps.unwrap(PreparedStatement.class).close();
            } catch (SQLException ignored) {
                // the connection closes next; nothing to keep
            }
        }
    }

    private static PreparedStatement reusable(PreparedStatement real) {
        return (PreparedStatement) Proxy.newProxyInstance(Sql.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            real.clearParameters();
                            real.clearBatch();
                            return null;
                        case "unwrap":
                            return real;
                        default:
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }
}
