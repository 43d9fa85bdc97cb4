package io.leadflow.connector.emulator;

import io.vertx.core.json.JsonObject;

/** The in-memory records of an emulated account, as {@link ApiEmulator} needs them for the inspection endpoints. */
public interface EmulatorRecords {
    /** Every record, as JSON, for {@code GET /__emulator/state}. */
    JsonObject snapshot();

    /** Forgets every record (reference data stays). */
    void clear();

    /**
     * What {@link EmulatorServer#keepRecordsIn} writes and {@link #restore} reads back: the
     * {@link #snapshot()} plus any state the inspection view leaves out but a restart must keep
     * (a change feed and its ids). The default is the snapshot.
     */
    default JsonObject persisted() {
        return snapshot();
    }

    /**
     * Replaces every record with those of a {@link #persisted()} form (an empty object: none), so the
     * emulator can keep its records across restarts ({@link EmulatorServer#keepRecordsIn});
     * ids handed out afterwards continue after the restored ones. The default says the emulator
     * cannot, and its records then live in memory only.
     *
     * @throws UnsupportedOperationException when the emulator cannot restore its records
     * @throws IllegalArgumentException      when the snapshot is not one of its own
     */
    default void restore(JsonObject snapshot) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps its records in memory only");
    }

    /** The records under {@code key} of a snapshot, copied (none when absent); for {@link #restore}. */
    static java.util.List<JsonObject> records(JsonObject snapshot, String key) {
        io.vertx.core.json.JsonArray a = snapshot.getJsonArray(key);
        java.util.List<JsonObject> out = new java.util.ArrayList<>();
        if (a == null) return out;
        for (Object o : a) {
            if (!(o instanceof JsonObject j)) throw new IllegalArgumentException(key + " holds a non-object: " + o);
            out.add(j.copy());
        }
        return out;
    }

    /** The id to hand out next: one past the largest {@code idField} among the records, at least {@code floor}. */
    @SafeVarargs
    static long nextId(long floor, String idField, java.util.List<JsonObject>... lists) {
        long next = floor;
        for (java.util.List<JsonObject> l : lists) {
            for (JsonObject o : l) {
                Object id = o.getValue(idField);
                if (id instanceof Number n) next = Math.max(next, n.longValue() + 1);
            }
        }
        return next;
    }

    /**
     * Restores tables keyed by their records' {@code id}: every table's records are read first
     * (a bad snapshot changes nothing), then each table is replaced. Answers the id to hand out
     * next, at least {@code floor}.
     */
    static long restoreById(JsonObject snapshot, long floor, java.util.Map<String, java.util.Map<Long, JsonObject>> tables) {
        java.util.Map<String, java.util.List<JsonObject>> read = new java.util.HashMap<>();
        tables.keySet().forEach(k -> read.put(k, records(snapshot, k)));
        long next = floor;
        for (var t : tables.entrySet()) {
            t.getValue().clear();
            for (JsonObject r : read.get(t.getKey())) t.getValue().put(r.getLong("id"), r);
            next = Math.max(next, nextId(floor, "id", read.get(t.getKey())));
        }
        return next;
    }
}
